package org.fujie.pki.tsp;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What a TSA answered, for the caller's audit and logs, and the DER TimeStampResp to send back.
 *
 * @param failure      null when a token was granted
 * @param statusString the reason given to the client on rejection, null when granted
 * @param serialNumber the token's serial number, null on rejection
 * @param genTime      the token's genTime, null on rejection
 */
public record TimeStampOutcome(TimeStampFailure failure, String statusString, BigInteger serialNumber, Instant genTime,
        byte[] response) {

    public boolean granted() {
        return failure == null;
    }

    static TimeStampOutcome granted(BigInteger serialNumber, Instant genTime, byte[] response) {
        return new TimeStampOutcome(null, null, serialNumber, genTime, response);
    }

    static TimeStampOutcome rejected(TimeStampFailure failure, String statusString, byte[] response) {
        return new TimeStampOutcome(failure, statusString, null, null, response);
    }
}
