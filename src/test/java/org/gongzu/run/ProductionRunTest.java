package org.gongzu.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.gongzu.GongzuApplication;
import org.gongzu.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile on a new PostgreSQL database: schema by Flyway only, no demo users, the
 * first administrator from the environment, and the Camunda security checklist in force. Runs in
 * its own JVM (see pom.xml).
 */
class ProductionRunTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Gz-2026-Secure!pw";
    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() {
        String url = EmbeddedPostgresInitializer.newDatabaseUrl("gongzu_prod");
        app = new SpringApplicationBuilder(GongzuApplication.class).profiles("prod").run(
                "--GONGZU_DB_URL=" + url, "--GONGZU_DB_USER=postgres", "--GONGZU_DB_PASSWORD=",
                "--GONGZU_ADMIN_USER=" + ADMIN, "--GONGZU_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--server.port=0", "--management.server.port=0", "--spring.datasource.hikari.connection-timeout=3000");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Every SQL migration of the repository for PostgreSQL: all are applied, whatever processes add them. */
    private static java.util.List<String> migrationScripts() {
        java.util.List<String> scripts = new java.util.ArrayList<>();
        for (String dir : java.util.List.of("src/main/resources/db/migration", "src/main/resources/db/camunda/postgresql")) {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(scripts::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return scripts;
    }

    @Test
    void schemaComesFromFlywayAndThereAreNoDemoUsers() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("select script from flyway_schema_history where success order by installed_rank",
                String.class)).startsWith("V1__camunda_7_24_0_create.sql", "V2__places_projects_households.sql",
                        "V3__gongzu_audit_history_level.sql", "V4__task_queue.sql", "V5__suspended_task_index.sql",
                        "db.migration.V6__Case_journal_for_every_case", "V7__project_cases.sql", "V8__case_documents.sql")
                .containsAll(migrationScripts());
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log order by timestamp_", String.class))
                .containsExactly("7.24.0");
        IdentityService identity = app.getBean(IdentityService.class);
        assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly(ADMIN);
        assertThat(identity.createGroupQuery().groupMember(ADMIN).list()).extracting(g -> g.getId())
                .contains("camunda-admin");
        assertThat(new TestRestTemplate("demo", "demo").getForEntity(base + "/engine-rest/task?maxResults=1",
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void weakPasswordsAreRefused() {
        TestRestTemplate admin = new TestRestTemplate(ADMIN, ADMIN_PASSWORD);
        String user = "{\"profile\":{\"id\":\"weak\",\"firstName\":\"弱\",\"lastName\":\"密码\"},"
                + "\"credentials\":{\"password\":\"demo\"}}";
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = admin.postForEntity(base + "/engine-rest/user/create",
                new org.springframework.http.HttpEntity<>(user, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"password\"").contains("密码不符合密码规则");
        assertThat(app.getBean(IdentityService.class).createUserQuery().userId("weak").count()).isZero();
    }

    @Test
    void unboundedQueriesAreRefused() {
        TestRestTemplate admin = new TestRestTemplate(ADMIN, ADMIN_PASSWORD);
        ResponseEntity<String> unbounded = admin.getForEntity(base + "/engine-rest/task", String.class);
        assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unbounded.getBody()).contains("查询结果过多").doesNotContain("unbound");
        assertThat(admin.getForEntity(base + "/engine-rest/task?maxResults=100", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void javaSerializedObjectsAreRefused() {
        TestRestTemplate admin = new TestRestTemplate(ADMIN, ADMIN_PASSWORD);
        // a serialized java.lang.Integer: harmless here, but any class would be deserialized if allowed
        String serialized = java.util.Base64.getEncoder().encodeToString(serialize(42));
        String body = "{\"variables\":{\"payload\":{\"type\":\"Object\",\"value\":\"" + serialized + "\","
                + "\"valueInfo\":{\"objectTypeName\":\"java.lang.Integer\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}";
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = admin.postForEntity(base + "/engine-rest/process-definition/key/TenantMoveIn/start",
                new org.springframework.http.HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"payload\"").contains("Java 序列化");
    }

    @Test
    void hardeningOfAdr0007HoldsInProduction() {
        ProcessEngineConfigurationImpl engine = engineConfiguration();
        assertThat(engine.isConfigureScriptEngineHostAccess()).isFalse();
        assertThat(engine.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(engine.getLoginDelayBase()).isPositive();
        assertThat(app.getEnvironment().getProperty("camunda.bpm.webapp.auth.cache.ttl-enabled", Boolean.class)).isTrue();
        assertThat(app.getEnvironment().getProperty("camunda.bpm.webapp.auth.cache.time-to-live", Long.class))
                .isPositive().isLessThanOrEqualTo(60_000L);
    }

    @Test
    void nobodyLocksTheAdministratorOutForGood() {
        ProcessEngineConfigurationImpl engine = engineConfiguration();
        TestRestTemplate anonymous = new TestRestTemplate(ADMIN, "not-the-password");
        long movedOn = 0;
        try {
            // more wrong passwords than Camunda's default maximum of 10, each after the previous delay
            for (int attempt = 1; attempt <= 15; attempt++) {
                assertThat(anonymous.getForEntity(base + "/engine-rest/task?maxResults=1", String.class).getStatusCode())
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
                long delay = (long) (engine.getLoginDelayBase() * Math.pow(engine.getLoginDelayFactor(), attempt - 1));
                movedOn += Math.min(delay, engine.getLoginDelayMaxTime()) * 1_000 + 1_000;
                ClockUtil.offset(movedOn);
            }
            assertThat(new TestRestTemplate(ADMIN, ADMIN_PASSWORD).getForEntity(base + "/engine-rest/task?maxResults=1",
                    String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            ClockUtil.reset();
            app.getBean(IdentityService.class).unlockUser(ADMIN);
        }
    }

    @Test
    void requestsForwardedByTheTlsProxyCountAsHttps() throws Exception {
        // docker/Caddyfile: the proxy terminates TLS and says so in X-Forwarded-Proto
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/"))
                .header("X-Forwarded-Proto", "https").GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isBetween(300, 399);
        assertThat(response.headers().firstValue("Location")).get().asString().startsWith("https://localhost/");
    }

    private static ProcessEngineConfigurationImpl engineConfiguration() {
        return (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    private static byte[] serialize(Object value) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
            out.flush();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void webappsSendHstsAndSecureSessionCookies() {
        ResponseEntity<String> page = new TestRestTemplate().getForEntity(base + "/camunda/app/tasklist/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
        List<String> cookies = page.getHeaders().get("Set-Cookie");
        assertThat(cookies).isNotEmpty().allMatch(cookie -> cookie.contains("Secure"));
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).singleElement()
                .matches(cookie -> cookie.contains("HttpOnly"));
    }
}
