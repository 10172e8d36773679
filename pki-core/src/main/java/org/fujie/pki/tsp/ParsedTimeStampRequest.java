package org.fujie.pki.tsp;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.tsp.MessageImprint;

/**
 * What a TimeStampReq asks (RFC 3161 2.4.1), checked for form but not yet against a TSA's settings.
 *
 * @param reqPolicy the policy asked for, or null
 * @param nonce     to echo in the token, or null
 */
public record ParsedTimeStampRequest(MessageImprint messageImprint, ASN1ObjectIdentifier reqPolicy, ASN1Integer nonce,
        boolean certReq) {

    public ASN1ObjectIdentifier hashAlgorithm() {
        return messageImprint.getHashAlgorithm().getAlgorithm();
    }
}
