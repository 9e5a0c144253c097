package org.gongzu.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's health within a bounded time: while the database is unreachable, a connection can
 * take the pool's whole timeout, so the check runs aside and /actuator/health answers DOWN after
 * {@link #LIMIT} at most. Replaces Spring Boot's "db" indicator (same bean name).
 */
@Component("dbHealthIndicator")
class BoundedDatabaseHealth implements HealthIndicator {

    static final Duration LIMIT = Duration.ofMillis(1500);

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gongzu-db-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Boolean> running;

    BoundedDatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try {
            return check().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS) ? Health.up().build() : Health.down().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + LIMIT.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }

    /** The check under way, or a new one: callers during an outage wait on one check, not pile up. */
    private synchronized Future<Boolean> check() {
        if (running == null || running.isDone()) {
            running = checker.submit(this::connectionIsValid);
        }
        return running;
    }

    private boolean connectionIsValid() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        }
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
