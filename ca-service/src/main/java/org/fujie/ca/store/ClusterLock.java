package org.fujie.ca.store;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction that holds a named database row lock, so instances sharing a database
 * take turns: the second waits, then sees what the first committed (DESIGN.md: scheduled work runs
 * once per cluster). Work should check, under the lock, whether it is still needed.
 */
public final class ClusterLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ClusterLock(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public <T> T callLocked(String name, Supplier<T> work) {
        // Its own short transaction: a duplicate-key race between two first users must not abort the work's transaction.
        transactions.executeWithoutResult(status -> jdbc.sql("insert into cluster_lock (name) values (?) on conflict do nothing")
                .param(name).update());
        return transactions.execute(status -> {
            jdbc.sql("select name from cluster_lock where name = ? for update").param(name).query(String.class).single();
            return work.get();
        });
    }
}
