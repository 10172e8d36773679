package org.fujie.pki.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.fujie.pki.cms.CmsObjects;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.tsp.TimeStamper;

/**
 * The CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1 6.3): detached over the byte range,
 * SHA-256, signed attributes content-type, message-digest, signing-certificate-v2 (no SHA-1) and
 * CMSAlgorithmProtection, and no signing-time attribute (the time is the signature dictionary's /M); at B-T an
 * unsigned signature-time-stamp.
 */
final class PadesCms {

    private PadesCms() {
    }

    /** The CMS and, at B-T, the signature time-stamp token it carries (null at B-B). */
    record Signed(byte[] cms, byte[] signatureTimeStamp) {
    }

    /** @param timeStamper the TSA for a B-T signature-time-stamp (ETSI EN 319 142-1 6.3 and 319 122-1 5.3), or null for B-B */
    static Signed sign(InputStream byteRange, SigningKey key, List<X509CertificateHolder> chain, TimeStamper timeStamper)
            throws IOException, SigningServiceException {
        X509CertificateHolder signer = chain.get(0);
        CMSSignedData signed;
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProviders.bouncyCastle()).build())
                    .setSignedAttributeGenerator(withoutSigningTime(signingCertificateV2(signer)))
                    .build(key.newContentSigner(), signer));
            generator.addCertificates(new CollectionStore<>(chain));
            signed = generator.generate(new Streamed(byteRange), false);
        } catch (CMSException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException("the PAdES signature could not be made: " + e.getMessage(), e);
        }
        if (timeStamper == null) {
            return new Signed(signed.getEncoded(ASN1Encoding.DER), null);
        }
        SignerInformation signerInfo = signed.getSignerInfos().iterator().next();
        byte[] token = signatureTimeStamp(signerInfo, timeStamper);
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token)));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signerInfo, new AttributeTable(attribute));
        return new Signed(CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded(ASN1Encoding.DER), token);
    }

    /**
     * The token over the hash of the signature value: what the signature-time-stamp proves existed then. SHA-256, or SM3
     * for an SM2 signature (SM3 throughout, as GM/T 0010 signatures are).
     */
    private static byte[] signatureTimeStamp(SignerInformation signer, TimeStamper timeStamper) throws SigningServiceException {
        ASN1ObjectIdentifier hash = GMObjectIdentifiers.sm3.equals(signer.getDigestAlgorithmID().getAlgorithm())
                ? GMObjectIdentifiers.sm3 : NISTObjectIdentifiers.id_sha256;
        try {
            byte[] digest = CmsObjects.digest(new AlgorithmIdentifier(hash), CmsObjects.Content.of(signer.getSignature()));
            return timeStamper.timeStamp(hash, digest);
        } catch (TimeStamper.TimeStampException e) {
            throw new SigningServiceException("no signature time-stamp: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("no " + hash + " digest: " + e.getMessage(), e);
        }
    }

    private static Attribute signingCertificateV2(X509CertificateHolder certificate) throws IOException {
        byte[] hash;
        try {
            hash = CmsObjects.digest(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    CmsObjects.Content.of(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IOException(e);
        }
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(certificate.getIssuer())),
                certificate.getSerialNumber());
        // SHA-256 is ESSCertIDv2's default hash, so it is omitted (RFC 5035 and DER).
        ESSCertIDv2 id = new ESSCertIDv2(hash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    /** BC's default adds signing-time, which PAdES baseline signatures must not carry. */
    private static CMSAttributeTableGenerator withoutSigningTime(Attribute signingCertificate) {
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
                new AttributeTable(new DERSet(signingCertificate)));
        return parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    /** The byte range, streamed once into the digest: the document is never held twice. */
    private record Streamed(InputStream in) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
