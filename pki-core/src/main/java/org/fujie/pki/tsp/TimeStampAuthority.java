package org.fujie.pki.tsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.tsp.Accuracy;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.SerialNumbers;

/**
 * An RFC 3161 time-stamp authority: takes a DER TimeStampReq, decides whether to stamp it under its
 * {@link TimeStampSettings}, and answers a DER TimeStampResp, granted with a token or rejected with a
 * failInfo and a statusString. It never throws for what a client sends, nor for a key that cannot sign.
 * Thread-safe; one instance serves all requests.
 *
 * <p>Serial numbers are 20 octets from a CSPRNG ({@link SerialNumbers}, 158 random bits), not a counter
 * or a time prefix: unique across restarts and instances without stored state or coordinated clocks (a
 * repeat is a 2^-79 birthday event after 2^40 tokens), and they reveal nothing about volume.
 */
public final class TimeStampAuthority {

    private static final byte[] GRANTED = der(new PKIStatusInfo(PKIStatus.granted));
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final TimeStampSettings settings;
    private final Clock clock;
    private final TimeStampRequestParser parser;
    private final TimeStampTokenSigner signer;
    private final Accuracy accuracy;
    private final ChronoUnit precision;
    private final CertificateInclusion onCertReq;

    /**
     * @param chain the TSA certificate first, then its issuers
     * @throws IllegalArgumentException when the certificate is not a TSA certificate for this key (see
     *         {@link TimeStampTokenSigner#TimeStampTokenSigner})
     */
    public TimeStampAuthority(SigningKey key, List<X509CertificateHolder> chain, TimeStampSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.signer = new TimeStampTokenSigner(Objects.requireNonNull(key), List.copyOf(chain));
        this.parser = new TimeStampRequestParser(settings.maxRequestBytes());
        this.accuracy = accuracy(settings.accuracy());
        this.precision = precision(settings.accuracy());
        this.onCertReq = settings.includeChain() ? CertificateInclusion.CHAIN : CertificateInclusion.TSA_CERTIFICATE;
    }

    public TimeStampSettings settings() {
        return settings;
    }

    public X509CertificateHolder certificate() {
        return signer.certificate();
    }

    /** The DER TimeStampResp for a DER TimeStampReq. */
    public byte[] respond(byte[] requestDer) {
        return answer(requestDer).response();
    }

    /** Like {@link #respond}, with what was decided, for audit and logs. */
    public TimeStampOutcome answer(byte[] requestDer) {
        ParsedTimeStampRequest request;
        try {
            request = parser.parse(requestDer);
            checkAgainstSettings(request);
        } catch (TimeStampRequestException e) {
            return rejected(e.failure(), e.getMessage());
        }
        Instant now = clock.instant();
        if (!signer.isValidAt(now)) {
            return rejected(TimeStampFailure.SYSTEM_FAILURE, "the TSA certificate is not valid now");
        }
        Instant genTime = now.truncatedTo(precision);
        BigInteger serialNumber = SerialNumbers.next();
        // ordering is left out: DEFAULT FALSE, and DER omits defaults. tsa is optional and left out.
        TSTInfo tstInfo = new TSTInfo(settings.policy(), request.messageImprint(), new ASN1Integer(serialNumber),
                generalizedTime(genTime), accuracy, null, request.nonce(), null, null);
        byte[] token;
        try {
            token = signer.sign(der(tstInfo), request.certReq() ? onCertReq : CertificateInclusion.NONE);
        } catch (RuntimeException e) {
            // The key backend failed (HSM, Vault): the client gets a rejection, not a broken connection.
            return rejected(TimeStampFailure.SYSTEM_FAILURE, "the time-stamp could not be signed");
        }
        return TimeStampOutcome.granted(serialNumber, genTime, Der.tlv(Der.SEQUENCE, GRANTED, token));
    }

    private void checkAgainstSettings(ParsedTimeStampRequest request) throws TimeStampRequestException {
        OptionalInt length = ImprintDigests.length(request.hashAlgorithm());
        if (!settings.acceptedDigests().contains(request.hashAlgorithm()) || length.isEmpty()) {
            throw new TimeStampRequestException(TimeStampFailure.BAD_ALG,
                    "hash algorithm " + request.hashAlgorithm() + " is not accepted");
        }
        if (request.messageImprint().getHashedMessage().length != length.getAsInt()) {
            throw new TimeStampRequestException(TimeStampFailure.BAD_ALG,
                    "hashedMessage has " + request.messageImprint().getHashedMessage().length + " octets, "
                            + request.hashAlgorithm() + " gives " + length.getAsInt());
        }
        if (request.reqPolicy() != null && !request.reqPolicy().equals(settings.policy())) {
            throw new TimeStampRequestException(TimeStampFailure.UNACCEPTED_POLICY,
                    "policy " + request.reqPolicy() + " is not accepted; this TSA stamps under " + settings.policy());
        }
    }

    private static TimeStampOutcome rejected(TimeStampFailure failure, String statusString) {
        PKIStatusInfo status = new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText(statusString),
                new PKIFailureInfo(failure.failInfo()));
        return TimeStampOutcome.rejected(failure, statusString, der(new TimeStampResp(status, null)));
    }

    /** RFC 3161 2.4.2: YYYYMMDDhhmmss[.s...]Z, fraction without trailing zeros, none when it is zero. */
    static ASN1GeneralizedTime generalizedTime(Instant time) {
        StringBuilder text = new StringBuilder(24).append(SECONDS.format(time));
        int nanos = time.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return new ASN1GeneralizedTime(text.append('Z').toString());
    }

    /** Seconds, milliseconds and microseconds as RFC 3161 2.4.2 Accuracy; null (left out) for zero. */
    private static Accuracy accuracy(Duration accuracy) {
        if (accuracy.isZero()) {
            return null;
        }
        long seconds = accuracy.getSeconds();
        int millis = accuracy.getNano() / 1_000_000;
        int micros = accuracy.getNano() / 1_000 % 1_000;
        return new Accuracy(seconds == 0 ? null : new ASN1Integer(seconds), millis == 0 ? null : new ASN1Integer(millis),
                micros == 0 ? null : new ASN1Integer(micros));
    }

    /** genTime is as precise as the accuracy claims, no more: 1 s accuracy gives whole seconds. */
    private static ChronoUnit precision(Duration accuracy) {
        if (accuracy.isZero()) {
            return ChronoUnit.MILLIS;
        }
        if (accuracy.getNano() == 0) {
            return ChronoUnit.SECONDS;
        }
        return accuracy.getNano() % 1_000_000 == 0 ? ChronoUnit.MILLIS : ChronoUnit.MICROS;
    }

    private static byte[] der(ASN1Object value) {
        try {
            return value.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
