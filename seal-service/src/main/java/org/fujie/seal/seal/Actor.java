package org.fujie.seal.seal;

import org.fujie.service.web.Caller;
import org.springframework.security.core.Authentication;

/**
 * Who asks for a change: the person (certificate subject, what four eyes compares and seals record) and the
 * audit actor (subject and certificate fingerprint).
 */
public record Actor(String identity, String audit) {

    public static Actor of(Authentication authentication) {
        return new Actor(Caller.identity(authentication), Caller.of(authentication));
    }
}
