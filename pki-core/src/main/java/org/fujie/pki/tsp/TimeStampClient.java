package org.fujie.pki.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.validation.HttpFetcher;

/**
 * The requester's side of RFC 3161: a request with a fresh 64-bit nonce that asks for the TSA's certificate
 * (so the token can be validated alone), and an answer accepted only when granted and when it matches the request
 * (imprint, nonce, policy; BC's TimeStampResponse.validate). The token's signature and the TSA's trust are the
 * verifier's business, not the requester's.
 */
public final class TimeStampClient implements TimeStamper {

    /** How a request reaches a TSA and its answer comes back. */
    @FunctionalInterface
    public interface Transport {
        byte[] exchange(byte[] request) throws IOException;
    }

    private static final int MAX_RESPONSE = 64 * 1024;

    private final Transport transport;
    private final String name;

    public TimeStampClient(Transport transport, String name) {
        this.transport = transport;
        this.name = name;
    }

    /** A TSA on HTTP (RFC 3161 3.4: application/timestamp-query POSTed, application/timestamp-reply back). */
    public static TimeStampClient http(HttpFetcher fetcher, URI url) {
        return new TimeStampClient(request -> {
            try {
                return fetcher.post(url, "application/timestamp-query", request, MAX_RESPONSE);
            } catch (HttpFetcher.FetchException e) {
                throw new IOException(e.getMessage(), e);
            }
        }, url.toString());
    }

    /** A TSA in this process, as tests and a one-machine set-up have it. */
    public static TimeStampClient local(TimeStampAuthority authority) {
        return new TimeStampClient(authority::respond, "local TSA");
    }

    @Override
    public byte[] timeStamp(ASN1ObjectIdentifier digestAlgorithm, byte[] digest) throws TimeStampException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] nonce = new byte[8];
        CryptoProviders.secureRandom().nextBytes(nonce);
        TimeStampRequest request = generator.generate(digestAlgorithm, digest, new BigInteger(1, nonce));
        byte[] answer;
        try {
            answer = transport.exchange(request.getEncoded());
        } catch (IOException e) {
            throw new TimeStampException("the TSA " + name + " did not answer: " + e.getMessage(), e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new TimeStampException("the TSA " + name + " refused: status " + response.getStatus() + " "
                        + response.getStatusString() + (response.getFailInfo() == null ? "" : " failInfo " + response.getFailInfo().intValue()));
            }
            response.validate(request);
            return token.getEncoded();
        } catch (TSPException e) {
            throw new TimeStampException("the TSA " + name + " answered a token that does not match the request: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Whatever the parser throws on hostile bytes: the answer is simply unusable.
            throw new TimeStampException("the TSA " + name + " sent no time-stamp response: " + e.getMessage(), e);
        }
    }
}
