package org.fujie.service.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Signs a last checkpoint when the service stops gracefully, so that the entries of its final minute
 * are covered while it is down. Its phase is below the web server's (which stops at
 * {@code DEFAULT_PHASE - 2048} after draining requests), so it runs once no request can add entries,
 * and before the beans it needs (database, key backend) are destroyed.
 */
public final class AuditShutdownCheckpoint implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditShutdownCheckpoint.class);

    private final AuditCheckpointer checkpointer;
    private volatile boolean running;

    public AuditShutdownCheckpoint(AuditCheckpointer checkpointer) {
        this.checkpointer = checkpointer;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            checkpointer.checkpoint();
        } catch (RuntimeException e) {
            // Shutting down goes on: verification will report the entries left uncovered, if any.
            log.warn("audit: no checkpoint signed at shutdown: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
