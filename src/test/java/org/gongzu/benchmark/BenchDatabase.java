package org.gongzu.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.gongzu.support.EmbeddedPostgresInitializer;

/**
 * Where a benchmark's databases live: the PostgreSQL server of {@code --db-url} (with
 * {@code --db-user}/{@code --db-password}), or an embedded one started for the run. The product
 * and the bare engine each get a fresh database on that server.
 */
record BenchDatabase(String url, String user, String password) {

    static BenchDatabase product(BenchOptions options, String name) {
        String url = options.text("db-url", null);
        if (url == null) {
            return new BenchDatabase(EmbeddedPostgresInitializer.newDatabaseUrl(name), "postgres", "");
        }
        return new BenchDatabase(url, options.text("db-user", "postgres"), options.text("db-password", ""));
    }

    /** A new database next to this one, e.g. for the bare engine; needs CREATEDB on a given server. */
    BenchDatabase sibling(String name) {
        String unique = name + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + unique);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + unique + " next to " + url, e);
        }
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String rest = query < 0 ? "" : url.substring(query);
        return new BenchDatabase(url.substring(0, slash + 1) + unique + rest, user, password);
    }

    String description() {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
