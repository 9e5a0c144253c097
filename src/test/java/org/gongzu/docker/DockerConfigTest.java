package org.gongzu.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so docker/ is checked against the application's own
 * configuration: the variables compose passes are the ones the production profile reads, and the
 * health checks probe the management port the application opens.
 */
class DockerConfigTest {

    @SuppressWarnings("unchecked")
    @Test
    void composeGivesTheProductionProfileWhatItNeeds() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("app", "postgres", "mail");

        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .containsKeys("GONGZU_DB_URL", "GONGZU_DB_USER", "GONGZU_DB_PASSWORD", "GONGZU_ADMIN_USER",
                        "GONGZU_ADMIN_PASSWORD");
        String prodProfile = Files.readString(Path.of("src/main/resources/application-prod.yaml"));
        for (String variable : List.of("GONGZU_DB_URL", "GONGZU_DB_USER", "GONGZU_DB_PASSWORD", "GONGZU_ADMIN_USER",
                "GONGZU_ADMIN_PASSWORD")) {
            assertThat(prodProfile).as(variable).contains("${" + variable + "}");
        }
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat((Map<String, Object>) dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        for (String service : List.of("app", "postgres", "mail")) {
            assertThat((Map<String, Object>) services.get(service)).as(service).containsKey("healthcheck");
        }
        String managementPort = managementPortDefault();
        assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString())
                .contains("localhost:" + managementPort + "/actuator/health");
        // nothing of the app is published: browsers reach it through the TLS proxy only
        assertThat(app).doesNotContainKey("ports");
        assertThat(app.get("expose").toString()).contains(serverPort()).doesNotContain(managementPort);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aTlsProxyFromAMaintainedImageIsTheOnlyWayIn() throws IOException {
        Map<String, Object> services = (Map<String, Object>) new Yaml()
                .<Map<String, Object>>load(Files.readString(Path.of("docker/compose.yaml"))).get("services");
        Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");
        assertThat(proxy).as("proxy service").isNotNull().containsKey("healthcheck");
        // the official Caddy image, pinned to a release line
        assertThat((String) proxy.get("image")).matches("caddy:2\\.\\d+(\\.\\d+)?");
        assertThat((List<String>) proxy.get("ports")).contains("443:443", "80:80");
        assertThat((Map<String, Object>) ((Map<String, Object>) proxy.get("depends_on")).get("app"))
                .containsEntry("condition", "service_healthy");
        assertThat((List<String>) proxy.get("volumes")).contains("./Caddyfile:/etc/caddy/Caddyfile:ro",
                "./certs:/etc/caddy/certs:ro").anyMatch(volume -> volume.endsWith(":/data"));
        Map<String, Object> env = (Map<String, Object>) proxy.get("environment");
        assertThat(env).containsEntry("GONGZU_HOST", "${GONGZU_HOST:-localhost}")
                .containsEntry("GONGZU_TLS", "${GONGZU_TLS:-internal}");
        for (String service : services.keySet()) {
            if (!service.equals("proxy")) {
                // no other service is reachable from outside the host (Mailpit's UI: loopback only)
                Object ports = ((Map<String, Object>) services.get(service)).get("ports");
                assertThat(ports == null ? List.of() : (List<String>) ports).as(service)
                        .allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        }
        String example = Files.readString(Path.of("docker/.env.example"));
        assertThat(example).contains("GONGZU_HOST=").contains("GONGZU_TLS=internal");
        // a key put into docker/certs/ is never committed
        assertThat(Files.readAllLines(Path.of("docker/certs/.gitignore"))).contains("*", "!.gitignore");
    }

    @Test
    void caddyfileTerminatesTlsAndForwardsToTheApp() throws IOException {
        Map<String, List<List<String>>> sites = caddySites(Files.readString(Path.of("docker/Caddyfile")));
        // one site, on the host name(s) from the environment, localhost unless told otherwise
        assertThat(sites).containsOnlyKeys("{$GONGZU_HOST:localhost}");
        List<List<String>> directives = sites.get("{$GONGZU_HOST:localhost}");
        // a local certificate by default; an e-mail (ACME) or "cert key" files through GONGZU_TLS
        assertThat(directives).contains(List.of("tls", "{$GONGZU_TLS:internal}"));
        assertThat(directives).contains(List.of("reverse_proxy", "app:" + serverPort()));
        // Caddy sets X-Forwarded-Proto itself; nothing may switch HTTPS off or overwrite the header
        assertThat(directives.stream().flatMap(List::stream)).noneMatch(token -> token.contains("auto_https")
                || token.startsWith("http://") || token.equalsIgnoreCase("X-Forwarded-Proto"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theProductionProfileTrustsTheProxysForwardedHeaders() throws IOException {
        Map<String, Object> prod = new Yaml().load(Files.readString(Path.of("src/main/resources/application-prod.yaml")));
        Map<String, Object> server = (Map<String, Object>) prod.get("server");
        // Tomcat's RemoteIpValve: X-Forwarded-Proto from the proxy (a private address) makes requests secure
        assertThat(server).containsEntry("forward-headers-strategy", "native")
                .containsEntry("servlet.session.cookie.secure", true);
    }

    /** The site blocks of a Caddyfile as address -> directives (tokens of each line); enough for ours. */
    private static Map<String, List<List<String>>> caddySites(String caddyfile) {
        Map<String, List<List<String>>> sites = new java.util.LinkedHashMap<>();
        List<List<String>> current = null;
        int depth = 0;
        for (String raw : caddyfile.lines().toList()) {
            String line = raw.replaceAll("(^|\\s)#.*$", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.endsWith("{")) {
                String head = line.substring(0, line.length() - 1).trim();
                if (depth == 0) {
                    current = new java.util.ArrayList<>();
                    sites.put(head, current);
                } else {
                    current.add(List.of(head.split("\\s+")));
                }
                depth++;
            } else if (line.equals("}")) {
                depth--;
            } else {
                assertThat(depth).as("a directive outside a site block: %s", line).isPositive();
                current.add(List.of(line.split("\\s+")));
            }
        }
        assertThat(depth).as("balanced braces").isZero();
        return sites;
    }

    private static String serverPort() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yaml")));
        @SuppressWarnings("unchecked")
        Object port = ((Map<String, Object>) yaml.get("server")).get("port");
        assertThat(port).isNotNull();
        return port.toString();
    }

    @Test
    void dockerfileRunsTheProductionProfileAndProbesTheManagementPort() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("SPRING_PROFILES_ACTIVE=prod").contains("USER gongzu")
                .contains("localhost:" + managementPortDefault() + "/actuator/health")
                .contains("COPY processes processes").contains("COPY forms forms");
    }

    private static String managementPortDefault() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var matcher = java.util.regex.Pattern.compile("\\$\\{GONGZU_MANAGEMENT_PORT:(\\d+)}").matcher(yaml);
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }
    }
}
