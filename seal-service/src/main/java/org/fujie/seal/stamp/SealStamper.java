package org.fujie.seal.stamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.pades.PadesException;
import org.fujie.pki.pades.PadesParameters;
import org.fujie.pki.pades.PadesSigner;
import org.fujie.pki.pades.SealAppearance;
import org.fujie.pki.tsp.TimeStamper;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.xades.XadesException;
import org.fujie.pki.xades.XadesParameters;
import org.fujie.pki.xades.XadesSigner;
import org.fujie.pki.xades.XmlFormatException;
import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Actor;
import org.fujie.seal.seal.Seal;
import org.fujie.seal.seal.SealStatus;
import org.fujie.seal.seal.SealStore;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;
import org.fujie.service.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stamps a document with a seal: only a keeper granted the seal, only while it is ACTIVE and its certificate
 * unexpired. A PDF gets the visible seal and a PAdES signature, XML (or other data) a XAdES signature, at the level asked
 * with the seal's key (which stays in the key backend); then the usage record and the audit entry commit together
 * before the stamped document is returned.
 */
public final class SealStamper {

    /** A certifying seal still permits form filling and further seals (DocMDP P=2). */
    private static final int CERTIFY_FORMS_AND_SEALS = 2;

    private final PadesSigner signer;
    private final XadesSigner xmlSigner;
    private final SesStamping sesStamping;
    private final SealStore seals;
    private final KeyBackend keys;
    private final AuditedTransactions audited;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SealStamper(PadesSigner signer, XadesSigner xmlSigner, SesStamping sesStamping, SealStore seals, KeyBackend keys,
            AuditedTransactions audited, JdbcClient jdbc, Clock clock) {
        this.signer = signer;
        this.xmlSigner = xmlSigner;
        this.sesStamping = sesStamping;
        this.seals = seals;
        this.keys = keys;
        this.audited = audited;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stamps a document in memory. */
    public byte[] stamp(String sealId, byte[] pdf, StampOptions options, Actor keeper) {
        return stamp(sealId, StampDocument.of(pdf), null, options, keeper).bytes();
    }

    /** Stamps a document in a file into another file, memory bounded whatever its size. */
    public void stamp(String sealId, Path in, Path out, StampOptions options, Actor keeper) {
        stamp(sealId, StampDocument.of(in), out, options, keeper);
    }

    /**
     * Seals XML (XAdES, enveloped unless asked otherwise, or a countersignature) or, with packaging enveloping or
     * detached, any other data; in memory.
     *
     * @param fileName the data's name, which a detached signature's reference carries
     */
    public byte[] stampXml(String sealId, byte[] data, String fileName, StampOptions options, Actor keeper) {
        Instant now = clock.instant();
        Seal seal = usableSeal(sealId, keeper, now);
        BaselineLevel level = level(options.level());
        XadesParameters parameters = XmlStamping.parameters(seal, options, level, data, fileName, now);
        byte[] stamped;
        try {
            List<X509Certificate> chain = x509Chain(seal);
            stamped = Boolean.TRUE.equals(options.countersign())
                    ? xmlSigner.countersign(data, keyOf(seal), chain, parameters)
                    : xmlSigner.sign(data, keyOf(seal), chain, parameters);
        } catch (XmlFormatException | XadesException e) {
            throw new FujieException(SealProblem.STAMP_INVALID, e.getMessage());
        } catch (SigningServiceException e) {
            throw new FujieException(SealProblem.STAMP_UNAVAILABLE, e.getMessage());
        }
        String placement = "XAdES " + (Boolean.TRUE.equals(options.countersign()) ? "countersignature"
                : parameters.packaging().name().toLowerCase(java.util.Locale.ROOT));
        record(sealId, keeper, now, StampDocument.of(data).sha256(), StampDocument.of(stamped).sha256(), placement, level);
        return stamped;
    }

    /**
     * A GB/T 38540 SES_Signature over any document, given by its digests (it is streamed once, whatever its size): SM2
     * seals only, at B-B or, time-stamped over the signature value, B-T.
     *
     * @param fileName the document's name, the signature's property information
     */
    public byte[] stampSes(String sealId, byte[] documentSm3, String documentSha256, String fileName, StampOptions options,
            Actor keeper) {
        Instant now = clock.instant();
        Seal seal = usableSeal(sealId, keeper, now);
        if (!KeyAlgorithm.SM2.id().equals(seal.algorithm())) {
            throw new FujieException(SealProblem.STAMP_INVALID, "a GB/T 38540 signature is SM2; this seal is " + seal.algorithm());
        }
        if (options.placesOnAPage() || options.packaging() != null || options.commitment() != null || options.countersign() != null) {
            throw new FujieException(SealProblem.STAMP_INVALID, "a GB/T 38540 signature takes format and level only");
        }
        BaselineLevel level = level(options.level());
        if (level != BaselineLevel.B_B && level != BaselineLevel.B_T) {
            throw new FujieException(SealProblem.STAMP_INVALID, "a GB/T 38540 signature is made at B-B or B-T (time-stamped)");
        }
        byte[] signature;
        try {
            signature = sesStamping.sign(seal, keyOf(seal), documentSm3, fileName == null ? "document" : fileName,
                    now, level == BaselineLevel.B_T);
        } catch (TimeStamper.TimeStampException e) {
            throw new FujieException(SealProblem.STAMP_UNAVAILABLE, "no time-stamp: " + e.getMessage());
        }
        record(sealId, keeper, now, documentSha256, StampDocument.of(signature).sha256(), "GB/T 38540 SES_Signature", level);
        return signature;
    }

    /** The seal, if the keeper may stamp with it now: granted, ACTIVE, its certificate unexpired. */
    private Seal usableSeal(String sealId, Actor keeper, Instant now) {
        Seal seal = seals.find(sealId).orElseThrow(() -> new FujieException(SealProblem.SEAL_NOT_FOUND, "no seal " + sealId));
        if (!seal.keepers().contains(keeper.identity())) {
            throw new FujieException(SealProblem.NOT_GRANTED, "the seal " + sealId + " is not granted to " + keeper.identity());
        }
        if (seal.status() != SealStatus.ACTIVE) {
            throw new FujieException(SealProblem.SEAL_STATE, "the seal is " + seal.status() + ": it cannot stamp");
        }
        if (!now.isBefore(seal.notAfter())) {
            throw new FujieException(SealProblem.SEAL_STATE, "the seal's certificate expired at " + seal.notAfter());
        }
        return seal;
    }

    private StampDocument stamp(String sealId, StampDocument input, Path out, StampOptions options, Actor keeper) {
        Instant now = clock.instant();
        Seal seal = usableSeal(sealId, keeper, now);
        if (options.packaging() != null || options.commitment() != null || options.countersign() != null) {
            throw new FujieException(SealProblem.STAMP_INVALID, "packaging, commitment and countersign apply to XML and other data only");
        }
        BaselineLevel level = level(options.level());
        byte[] image = seals.image(sealId).orElseThrow(() -> new FujieException(SealProblem.SEAL_STATE, "the seal has no image"));
        SealAppearance appearance = StampPlacements.of(input, options, image);
        PadesParameters parameters = new PadesParameters(level, appearance, options.reason() == null ? seal.name() : options.reason(),
                Calendar.getInstance(), Boolean.TRUE.equals(options.certify()) ? CERTIFY_FORMS_AND_SEALS : null);
        StampDocument stamped;
        try {
            if (input.bytes() != null) {
                stamped = StampDocument.of(signer.sign(input.bytes(), keyOf(seal), chain(seal), parameters));
            } else {
                signer.sign(input.file(), out, keyOf(seal), chain(seal), parameters);
                stamped = StampDocument.of(out);
            }
        } catch (PadesException e) {
            throw new FujieException(SealProblem.STAMP_INVALID, e.getMessage());
        } catch (SigningServiceException e) {
            throw new FujieException(SealProblem.STAMP_UNAVAILABLE, e.getMessage());
        }
        record(sealId, keeper, now, input.sha256(), stamped.sha256(), StampPlacements.describe(appearance), level);
        return stamped;
    }

    /** The usage record and its audit entry, committed together before the stamped document is handed out. */
    private void record(String sealId, Actor keeper, Instant now, String inputSha256, String outputSha256, String placement,
            BaselineLevel level) {
        Usage usage = new Usage(UUID.randomUUID().toString(), sealId, keeper.identity(), now, inputSha256, outputSha256, placement,
                level.label());
        audited.execute(AuditEvent.of(keeper.audit(), "seal.stamp", "seal:" + sealId, Map.of("usage", usage.id(),
                "input", usage.inputSha256(), "output", usage.outputSha256(), "placement", placement, "level", level.label())), tx -> {
                    tx.sql("insert into seal_usage (id, seal_id, keeper, stamped_at, input_sha256, output_sha256, placement,"
                            + " signature_level) values (?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(usage.id(), sealId, usage.keeper(), Timestamps.utc(now), usage.inputSha256(),
                                    usage.outputSha256(), placement, usage.level())
                            .update();
                    return null;
                });
    }

    private static BaselineLevel level(String label) {
        if (label == null) {
            return BaselineLevel.B_B;
        }
        return Arrays.stream(BaselineLevel.values()).filter(l -> l != BaselineLevel.NONE && l.label().equals(label)).findFirst()
                .orElseThrow(() -> new FujieException(SealProblem.STAMP_INVALID, "level must be B-B, B-T, B-LT or B-LTA"));
    }

    public List<Usage> usage(String sealId) {
        return jdbc.sql("select id, seal_id, keeper, stamped_at, input_sha256, output_sha256, placement, signature_level"
                        + " from seal_usage where seal_id = ? order by stamped_at, id").param(sealId)
                .query((rs, n) -> new Usage(rs.getString(1), rs.getString(2), rs.getString(3), Timestamps.read(rs, 4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The seal's certificate and its issuers, as the XAdES signer takes them. */
    private static List<X509Certificate> x509Chain(Seal seal) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(Pem.parseCertificate(seal.certificateDer()));
        chain.addAll(Pem.parseCertificates(seal.chainPem()));
        return chain;
    }

    /** The seal's key as its certificate names it (with Vault, the version certified, whatever the latest is). */
    private SigningKey keyOf(Seal seal) {
        return keys.get(seal.keyAlias(), Certificate.getInstance(seal.certificateDer()).getSubjectPublicKeyInfo());
    }

    private static List<X509CertificateHolder> chain(Seal seal) {
        try {
            List<X509CertificateHolder> chain = new ArrayList<>();
            chain.add(new X509CertificateHolder(seal.certificateDer()));
            for (byte[] der : Pem.decodeAll(seal.chainPem(), "CERTIFICATE")) {
                chain.add(new X509CertificateHolder(der));
            }
            return chain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
