package org.fujie.service.ca;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a service reaches ca-service's API: its URL, the client credential it presents (mutual TLS) and the
 * CAs it trusts for ca-service's TLS certificate.
 *
 * @param url ca-service's API, e.g. https://127.0.0.1:8443
 * @param credential PKCS#12 client credential (a principal with the roles the calls need)
 * @param passwordFile the credential's password, in a file
 * @param trust PEM of the CAs that issued ca-service's TLS certificate
 */
public record CaConnection(String url, Path credential, Path passwordFile, Path trust) {

    public CaConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(trust, "trust");
    }
}
