package org.fujie.client.sdk.ca;

import java.util.List;

/** One page of a search; {@code total} counts every match. */
public record CertificatePage(List<Certificate> items, int page, int size, long total) {
}
