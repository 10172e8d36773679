/**
 * CMS signatures (RFC 5652) and the parts every signed-document format shares. {@link org.fujie.pki.cms.CadesVerifier}
 * verifies .p7s files (CAdES baseline, ETSI EN 319 122-1, or plain CMS) and answers a
 * {@link org.fujie.pki.cms.CmsReport} in ETSI EN 319 102-1 terms; the PDF verifier uses the same parts.
 *
 * <ul>
 * <li>{@link org.fujie.pki.cms.SignerCheck}: one SignerInfo over streamed content (digest, signature, ESS
 * signing-certificate binding);</li>
 * <li>{@link org.fujie.pki.cms.TimeStampCheck}: an RFC 3161 token over some bytes, and its TSA's path at genTime;</li>
 * <li>{@link org.fujie.pki.cms.ArchiveTimestamps}: CAdES archive-time-stamp-v3 and its ats-hash-index-v3;</li>
 * <li>{@link org.fujie.pki.cms.ValidationData} and {@link org.fujie.pki.cms.EmbeddedRevocationSource}: the
 * certificates and revocation data a document carries, asked before any online source;</li>
 * <li>{@link org.fujie.pki.cms.SignatureVerdict} and {@link org.fujie.pki.cms.BaselineLevel}: the verdict and level
 * vocabulary.</li>
 * </ul>
 */
package org.fujie.pki.cms;
