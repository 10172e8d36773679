package org.fujie.seal.eseal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encoding;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.ses.SealDescription;
import org.fujie.pki.ses.SealMaker;
import org.fujie.pki.ses.SesCertList;
import org.fujie.pki.ses.SesPictureInfo;
import org.fujie.pki.ses.SesSeal;
import org.fujie.pki.x509.Pem;
import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Seal;
import org.fujie.seal.seal.SealStatus;
import org.fujie.seal.seal.SealStore;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;
import org.fujie.service.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each SM2 seal's national structure (GB/T 38540 SESeal, version 4), made by the seal maker on first need and kept, one
 * per seal certificate: esID is the seal's id, its certificate list holds the seal's own certificate (the seal's key is
 * what signs, on behalf of the keepers seal-service lets stamp), its validity is the certificate's, its picture the
 * seal's image at its printed size.
 */
public final class ElectronicSeals {

    private final SealStore seals;
    private final SealMakerCredential maker;
    private final AuditedTransactions audited;
    private final JdbcClient jdbc;
    private final String vendorId;
    private final Clock clock;

    public ElectronicSeals(SealStore seals, SealMakerCredential maker, AuditedTransactions audited, JdbcClient jdbc, String vendorId,
            Clock clock) {
        this.seals = seals;
        this.maker = maker;
        this.audited = audited;
        this.jdbc = jdbc;
        this.vendorId = vendorId;
        this.clock = clock;
    }

    /** The SESeal (DER) of the seal's current certificate. */
    public byte[] der(String sealId) {
        Seal seal = seals.find(sealId).orElseThrow(() -> new FujieException(SealProblem.SEAL_NOT_FOUND, "no seal " + sealId));
        return der(of(seal));
    }

    /** @throws FujieException for a seal that is not SM2 or has no certificate yet */
    public synchronized SesSeal of(Seal seal) {
        if (!KeyAlgorithm.SM2.id().equals(seal.algorithm())) {
            throw new FujieException(SealProblem.SEAL_STATE, "a GB/T 38540 seal is SM2; this seal is " + seal.algorithm());
        }
        if (seal.serialNumber() == null || seal.status() == SealStatus.PENDING) {
            throw new FujieException(SealProblem.SEAL_STATE, "the seal is not approved yet: it has no certificate");
        }
        Optional<byte[]> kept = jdbc.sql("select eseal_der from seal_eseal where seal_id = ? and serial_number = ?")
                .params(seal.id(), seal.serialNumber()).query(byte[].class).optional();
        if (kept.isPresent()) {
            return SesSeal.getInstance(kept.get());
        }
        return make(seal);
    }

    private SesSeal make(Seal seal) {
        Instant now = clock.instant();
        byte[] image = seals.image(seal.id()).orElseThrow(() -> new FujieException(SealProblem.SEAL_STATE, "the seal has no image"));
        X509Certificate certificate = Pem.parseCertificate(seal.certificateDer());
        SealMakerCredential.Credential credential = maker.current();
        SesSeal made = new SealMaker(credential.certificate(), credential.key()).make(new SealDescription(vendorId, seal.id(),
                seal.type().esType(), seal.name(), SesCertList.ofCertificates(List.of(seal.certificateDer())), now,
                certificate.getNotBefore().toInstant(), seal.notAfter(),
                new SesPictureInfo("PNG", image, seal.type().widthMm(), seal.type().heightMm())));
        byte[] der = der(made);
        audited.execute(AuditEvent.of("system:seal-maker", "seal.eseal", "seal:" + seal.id(), Map.of("serial", seal.serialNumber(),
                "maker", credential.certificate().getSerialNumber().toString(16))), tx -> tx.sql(
                        "insert into seal_eseal (seal_id, serial_number, eseal_der, made_at) values (?, ?, ?, ?)")
                .params(seal.id(), seal.serialNumber(), der, Timestamps.utc(now)).update());
        return made;
    }

    private static byte[] der(SesSeal seal) {
        try {
            return seal.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
