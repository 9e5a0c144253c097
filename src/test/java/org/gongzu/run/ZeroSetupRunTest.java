package org.gongzu.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gongzu.project.FacilityType;
import org.gongzu.GongzuApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The zero-setup run (./mvnw spring-boot:run): no profile, no database given, so H2 in files, the
 * Camunda schema from Flyway, the models, and the demo users. Runs in its own JVM (see pom.xml):
 * the engine registers itself globally under the name "default".
 */
class ZeroSetupRunTest {

    @TempDir
    Path dataDir;

    @Test
    void startsOnH2WithDemoUsersAndServesTasklist() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongzuApplication.class).run(
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("gongzu") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--server.port=0", "--management.server.port=0")) {
            assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(app.getEnvironment().getDefaultProfiles()).containsExactly("demo");
            assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("TenantMoveIn").count()).isEqualTo(1);
            // the demo project with every facility type: one handover each, waiting for the owner
            assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey("FacilityHandover")
                    .processInstanceBusinessKey("HD-XYL-02").count()).isEqualTo(FacilityType.values().length);
            assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey("HD-XYL-02")
                    .taskCandidateGroup("owner-110108015").count()).isEqualTo(FacilityType.values().length);
            servicesAfterMoveInWaitForTheirDepartments(app);
            // months of demo history behind the monitoring view
            assertThat(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select count(*) from monitoring_task where case_id like 'DEMO-%' and process_key = 'TenantMoveIn'",
                    Integer.class)).isGreaterThan(100);
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("demo", "demo")).isTrue();
            assertThat(identity.checkPassword("hdrc", "demo")).isTrue();
            assertThat(identity.createGroupQuery().groupMember("cypolice").list())
                    .extracting(g -> g.getId()).contains("police-110105028", "staff");
            assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("gongzu"));

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            TestRestTemplate http = new TestRestTemplate();
            ResponseEntity<String> tasklist = http.getForEntity("http://localhost:" + port + "/camunda/app/tasklist/",
                    String.class);
            assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(tasklist.getBody()).contains("tasklist");
            assertThat(http.getForEntity("http://localhost:" + port + "/engine-rest/task", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            // every monitoring view answers on H2 too (its SQL avoids H2's keywords)
            for (String view : java.util.List.of("processes/TenantMoveIn", "processes/TenantMoveIn/trend",
                    "backlog?processKey=TenantMoveIn", "cases?processKey=TenantMoveIn")) {
                assertThat(http.withBasicAuth("supervisor", "demo").getForEntity("http://localhost:" + port
                        + "/api/monitoring/" + view, String.class).getStatusCode()).as(view).isEqualTo(HttpStatus.OK);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The demo household (a Beijing family of four on the allowance, an unemployed parent, children of
     * seven and four) moved in at start-up: its services wait in the Tasklist of their department
     * and place only.
     */
    private static void servicesAfterMoveInWaitForTheirDepartments(ConfigurableApplicationContext app) {
        String caseId = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "select case_id from household where lease_no = 'BJGZ-2026-HD-0417' and status = 'REGISTERED'", String.class);
        TaskService tasks = app.getBean(TaskService.class);
        long deadline = System.currentTimeMillis() + 60_000;
        while (tasks.createTaskQuery().processInstanceBusinessKey(caseId).processDefinitionKey("SchoolEnrollment")
                .count() < 2 && System.currentTimeMillis() < deadline) {
            sleep();
        }
        java.util.List<org.camunda.bpm.engine.task.Task> enrollments = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId).processDefinitionKey("SchoolEnrollment").list();
        assertThat(enrollments).hasSize(2).allSatisfy(task -> {
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmApplication");
            assertThat(org.gongzu.support.TaskGroups.of(tasks, task)).containsExactly("rc-110108015");
        });
        assertThat(enrollments).extracting(org.camunda.bpm.engine.task.Task::getName)
                .anyMatch(name -> name.endsWith("小学")).anyMatch(name -> name.endsWith("幼儿园"));
        // the unemployed parent's registration with the social security office, the allowance work with the office
        assertThat(waiting(tasks, caseId, "UnemploymentRegistration", deadline)).singleElement().satisfies(task -> {
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_RegisterUnemployment");
            assertThat(org.gongzu.support.TaskGroups.of(tasks, task)).containsExactly("sso-110108015");
        });
        assertThat(waiting(tasks, caseId, "AllowanceWork", deadline)).singleElement().satisfies(task -> {
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ArrangeWork");
            assertThat(org.gongzu.support.TaskGroups.of(tasks, task)).containsExactly("sdo-110108015");
        });
        // the household's case lists every process: move-in, two enrollments, the registration, the work
        org.gongzu.casefile.CaseProcesses processes = app.getBean(org.gongzu.casefile.CaseProcesses.class);
        assertThat(processes.of(caseId)).extracting(org.gongzu.casefile.CaseProcesses.State::processKey)
                .containsExactlyInAnyOrder("TenantMoveIn", "SchoolEnrollment", "SchoolEnrollment",
                        "UnemploymentRegistration", "AllowanceWork");
    }

    private static java.util.List<org.camunda.bpm.engine.task.Task> waiting(TaskService tasks, String caseId,
            String processKey, long deadline) {
        while (tasks.createTaskQuery().processInstanceBusinessKey(caseId).processDefinitionKey(processKey).count() == 0
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId).processDefinitionKey(processKey).list();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
