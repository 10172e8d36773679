/**
 * Verification of PDF signatures and document time-stamps (PAdES, ETSI EN 319 142-1) in the vocabulary of
 * ETSI EN 319 102-1. {@link org.fujie.pki.pdf.PdfVerifier} is the entry point; it never throws for a bad
 * document and answers a {@link org.fujie.pki.pdf.PdfReport}.
 *
 * <p>The order of the checks, each in its own class:
 * <ol>
 * <li>the raw bytes: size, %PDF- header, %%EOF at the end, no stream inflating past the limit
 * ({@link org.fujie.pki.pdf.StreamBombCheck}, before any parser decodes anything);</li>
 * <li>strict parsing with PDFBox in bounded main memory, encrypted documents refused
 * ({@link org.fujie.pki.pdf.PdfLoader}); signature fields found through /AcroForm
 * ({@link org.fujie.pki.pdf.SignatureFields}) and the DSS read ({@link org.fujie.pki.pdf.DssData});</li>
 * <li>per signature: the /ByteRange against the raw file ({@link org.fujie.pki.pdf.ByteRange}: universal
 * signature forgery and signature wrapping end here), the CMS over our own digest of the raw bytes
 * ({@link org.fujie.pki.pdf.CmsSignatureCheck} and {@link org.fujie.pki.cms.SignerCheck}), the signature time-stamp
 * ({@link org.fujie.pki.cms.TimeStampCheck}), the signing certificate through
 * {@link org.fujie.pki.validation.CertificateValidator} at the best signature time with the document's own
 * revocation data first ({@link org.fujie.pki.cms.EmbeddedRevocationSource});</li>
 * <li>the revision the signature covers compared with the final document, object by object
 * ({@link org.fujie.pki.pdf.RevisionComparator}, honouring DocMDP and FieldMDP/Lock: incremental saving and
 * shadow attacks end here);</li>
 * <li>the verdict and level ({@link org.fujie.pki.pdf.ReportAssembler}).</li>
 * </ol>
 */
package org.fujie.pki.pdf;
