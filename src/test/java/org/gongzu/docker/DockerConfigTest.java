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
        assertThat(app.get("ports").toString()).contains("8080:8080").doesNotContain(managementPort + ":");
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
