package org.fujie.pki.tsp;

import java.io.IOException;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Parses untrusted TimeStampReq DER (RFC 3161 2.4.1) strictly: a size limit before parsing, no length
 * beyond the input, no trailing data, version 1, the optional fields at most once and in their order.
 * Bouncy Castle's own TimeStampReq is laxer (it skips unknown tagged fields), hence this parser.
 */
public final class TimeStampRequestParser {

    /** No RFC limit; clients use 8 to 20 octets. 64 leaves room and keeps an echoed nonce from bloating tokens. */
    static final int MAX_NONCE_OCTETS = 64;

    private final int maxBytes;

    public TimeStampRequestParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public ParsedTimeStampRequest parse(byte[] der) throws TimeStampRequestException {
        if (der == null || der.length == 0) {
            throw badRequest("empty request");
        }
        if (der.length > maxBytes) {
            throw badRequest("request larger than " + maxBytes + " bytes");
        }
        ASN1Sequence sequence = readSequence(der);
        try {
            return fields(sequence);
        } catch (IllegalArgumentException | ClassCastException | IllegalStateException e) {
            // Bouncy Castle's getInstance methods signal a wrong type or shape this way.
            throw badRequest("not a TimeStampReq: " + e.getMessage());
        }
    }

    private static ASN1Sequence readSequence(byte[] der) throws TimeStampRequestException {
        // The byte-array constructor limits every length to the input's size, so a forged length allocates nothing.
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive object = in.readObject();
            if (in.available() > 0) {
                throw badRequest("trailing data after the TimeStampReq");
            }
            if (!(object instanceof ASN1Sequence sequence)) {
                throw badRequest("not a TimeStampReq: not a SEQUENCE");
            }
            return sequence;
        } catch (IOException | RuntimeException e) {
            throw badRequest(e.getMessage() == null ? "not DER" : "not DER: " + e.getMessage());
        }
    }

    private static ParsedTimeStampRequest fields(ASN1Sequence sequence) throws TimeStampRequestException {
        if (sequence.size() < 2 || sequence.size() > 6) {
            throw badRequest("not a TimeStampReq: " + sequence.size() + " fields");
        }
        if (!ASN1Integer.getInstance(sequence.getObjectAt(0)).hasValue(1)) {
            throw badRequest("unsupported TimeStampReq version");
        }
        MessageImprint imprint = messageImprint(sequence.getObjectAt(1));
        ASN1ObjectIdentifier reqPolicy = null;
        ASN1Integer nonce = null;
        ASN1Boolean certReq = null;
        ASN1TaggedObject extensions = null;
        int next = 2; // the next optional field allowed: 2 reqPolicy, 3 nonce, 4 certReq, 5 extensions
        for (int i = 2; i < sequence.size(); i++) {
            ASN1Encodable field = sequence.getObjectAt(i);
            int kind;
            if (field instanceof ASN1ObjectIdentifier oid) {
                kind = 2;
                reqPolicy = oid;
            } else if (field instanceof ASN1Integer integer) {
                kind = 3;
                nonce = integer;
            } else if (field instanceof ASN1Boolean bool) {
                kind = 4;
                certReq = bool;
            } else if (field instanceof ASN1TaggedObject tagged && tagged.hasContextTag(0)) {
                kind = 5;
                extensions = tagged;
            } else {
                throw badRequest("not a TimeStampReq: unexpected field " + (i + 1));
            }
            if (kind < next) {
                throw badRequest("not a TimeStampReq: field " + (i + 1) + " repeated or out of order");
            }
            next = kind + 1;
        }
        if (nonce != null && nonce.getValue().bitLength() + 1 > MAX_NONCE_OCTETS * 8) {
            throw new TimeStampRequestException(TimeStampFailure.BAD_DATA_FORMAT,
                    "a nonce may have at most " + MAX_NONCE_OCTETS + " octets");
        }
        if (extensions != null) {
            // RFC 3161 2.4.1: an extension the TSA does not recognise, critical or not, SHALL be refused. We know none.
            throw new TimeStampRequestException(TimeStampFailure.UNACCEPTED_EXTENSION, "request extensions are not supported");
        }
        return new ParsedTimeStampRequest(imprint, reqPolicy, nonce, certReq != null && certReq.isTrue());
    }

    private static MessageImprint messageImprint(ASN1Encodable field) throws TimeStampRequestException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(field);
        if (sequence.size() != 2) {
            throw badRequest("not a MessageImprint");
        }
        AlgorithmIdentifier algorithm = AlgorithmIdentifier.getInstance(sequence.getObjectAt(0));
        ASN1OctetString hashedMessage = ASN1OctetString.getInstance(sequence.getObjectAt(1));
        ASN1Encodable parameters = algorithm.getParameters();
        if (parameters != null && !DERNull.INSTANCE.equals(parameters)) {
            throw new TimeStampRequestException(TimeStampFailure.BAD_ALG, "hash algorithm parameters must be absent or NULL");
        }
        // Kept as the client sent it (absent or NULL parameters): the client compares the token's imprint with its own.
        return new MessageImprint(algorithm, hashedMessage.getOctets());
    }

    private static TimeStampRequestException badRequest(String message) {
        return new TimeStampRequestException(TimeStampFailure.BAD_REQUEST, message);
    }
}
