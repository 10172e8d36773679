package org.fujie.service.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.audit.AuditContext;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Appends {@code access.denied} (outcome DENIED, target "METHOD path") to the audit log whenever an
 * authenticated caller is refused with 403, then answers with the problem JSON. Anonymous 401s are not
 * audited: nothing identifies the caller, and anyone on the network could flood the log with them.
 *
 * <p>The audit writer is looked up at the first denial, not at construction, so that the security
 * filter chain does not depend on the audit beans being built first.
 */
public final class DeniedAccessAudit implements AccessDeniedHandler {

    public static final String ACTION = "access.denied";
    private static final Logger log = LoggerFactory.getLogger(DeniedAccessAudit.class);
    private static final int MAX_TARGET = 256; // audit_log.target

    private final ObjectProvider<AuditedTransactions> audited;
    private final AccessDeniedHandler problem = ProblemResponses.forbidden();

    public DeniedAccessAudit(ObjectProvider<AuditedTransactions> audited) {
        this.audited = audited;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        record(request, "the caller's roles do not allow it");
        problem.handle(request, response, denied);
    }

    /** Records a denial of the current request (also for 403 problems the services raise themselves). */
    public void record(HttpServletRequest request, String reason) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        AuditContext context = AuditContext.of(request, authentication);
        if ("anonymous".equals(context.roles())) {
            return;
        }
        String target = request.getMethod() + " " + request.getRequestURI();
        AuditEvent event = AuditEvent.of(Caller.of(authentication), ACTION,
                target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target, Map.of("reason", reason))
                .denied().withContext(context);
        try {
            audited.getObject().record(event);
        } catch (RuntimeException e) {
            // The refusal stands either way; a log that cannot be written shows in verification and here.
            log.error("audit: could not record access denied to {} for {}", target, event.actor(), e);
        }
    }
}
