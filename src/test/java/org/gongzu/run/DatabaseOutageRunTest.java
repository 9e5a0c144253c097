package org.gongzu.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.gongzu.GongzuApplication;
import org.gongzu.support.CuttableTcpProxy;
import org.gongzu.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The database goes away under a running application and comes back: health says DOWN within 2 s,
 * requests fail fast with 503 and a Chinese message, and everything works again once the database
 * returns, without a restart. The application reaches PostgreSQL through a proxy that the test cuts
 * (the shared embedded PostgreSQL keeps running). Runs in its own JVM (see pom.xml).
 */
class DatabaseOutageRunTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Gz-2026-Outage!pw";
    static CuttableTcpProxy proxy;
    static ConfigurableApplicationContext app;
    static String base;
    static String health;

    @BeforeAll
    static void start() throws Exception {
        String direct = EmbeddedPostgresInitializer.newDatabaseUrl("gongzu_outage");
        int postgresPort = EmbeddedPostgresInitializer.postgres().getPort();
        proxy = new CuttableTcpProxy(postgresPort);
        String viaProxy = direct.replace("localhost:" + postgresPort + "/", "localhost:" + proxy.port() + "/");
        app = new SpringApplicationBuilder(GongzuApplication.class).profiles("prod").run(
                "--GONGZU_DB_URL=" + viaProxy, "--GONGZU_DB_USER=postgres", "--GONGZU_DB_PASSWORD=",
                "--GONGZU_ADMIN_USER=" + ADMIN, "--GONGZU_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--server.port=0", "--management.server.port=0", "--camunda.bpm.job-execution.enabled=false");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        health = "http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/health";
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.restore();  // a failed test may leave it cut; the context closes faster with its database
        app.close();
        proxy.close();
    }

    @Test
    void outageAnswersFastAndRecoveryIsAutomatic() throws Exception {
        TestRestTemplate admin = new TestRestTemplate(ADMIN, ADMIN_PASSWORD);
        assertThat(admin.getForEntity(health, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getForEntity(base + "/engine-rest/task?maxResults=1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        proxy.cut();

        Timed<ResponseEntity<String>> down = timed(() -> admin.getForEntity(health, String.class));
        assertThat(down.value().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.value().getBody()).contains("\"status\":\"DOWN\"");
        assertThat(down.elapsed()).isLessThan(Duration.ofSeconds(2));

        for (Supplier<ResponseEntity<String>> request : java.util.List.<Supplier<ResponseEntity<String>>>of(
                () -> admin.getForEntity(base + "/engine-rest/task?maxResults=1", String.class),
                () -> admin.postForEntity(base + "/api/leases", json("{\"leaseNo\":\"OUTAGE-1\"}"), String.class))) {
            Timed<ResponseEntity<String>> refused = timed(request);
            assertThat(refused.value().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.value().getBody()).isEqualTo("{\"message\":\"系统暂时无法连接数据库，请稍后重试\"}");
            assertThat(refused.elapsed()).isLessThan(Duration.ofMillis(3500));
        }

        proxy.restore();

        Instant deadline = Instant.now().plusSeconds(15);
        while (admin.getForEntity(health, String.class).getStatusCode() != HttpStatus.OK) {
            assertThat(Instant.now()).as("health UP again after the database returned").isBefore(deadline);
            Thread.sleep(200);
        }
        assertThat(admin.getForEntity(base + "/engine-rest/task?maxResults=1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    record Timed<T>(T value, Duration elapsed) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        Instant start = Instant.now();
        T value = call.get();
        return new Timed<>(value, Duration.between(start, Instant.now()));
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
