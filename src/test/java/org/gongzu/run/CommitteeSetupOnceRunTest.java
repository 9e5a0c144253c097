package org.gongzu.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.GongzuApplication;
import org.gongzu.support.EmbeddedPostgresInitializer;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clause 5's setup starts exactly once per project, however many of its households finish their
 * registration at the same moment, on however many nodes: here two nodes (two applications, two
 * engines) on one database each complete a household's last step at once. Runs in its own JVM: the
 * webapps keep engine state in static fields that a second application in a shared JVM would clear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeSetupOnceRunTest {

    private static final int ROUNDS = 5;

    private ConfigurableApplicationContext firstNode;
    private ConfigurableApplicationContext secondNode;
    private ProcessEngine engine;
    private MoveInFixture fixture;
    private JdbcTemplate jdbc;

    @BeforeAll
    void startTwoNodesOnOneDatabase() {
        String url = EmbeddedPostgresInitializer.newDatabaseUrl("gongzu_two_nodes");
        firstNode = node(url, "default");
        secondNode = node(url, "second");
        engine = firstNode.getBean(ProcessEngine.class);
        fixture = firstNode.getBean(MoveInFixture.class);
        jdbc = firstNode.getBean(JdbcTemplate.class);
    }

    private static ConfigurableApplicationContext node(String url, String engineName) {
        return new SpringApplicationBuilder(GongzuApplication.class).profiles("demo", "test").run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--management.server.port=0",
                "--camunda.bpm.process-engine-name=" + engineName);
    }

    @AfterAll
    void stopTheNodes() {
        if (secondNode != null) {
            secondNode.close();
        }
        if (firstNode != null) {
            firstNode.close();
        }
    }

    @Test
    void twoHouseholdsFinishingAtOnceOnTwoEnginesStartOneCommitteeSetup() throws Exception {
        ProcessEngine second = secondNode.getBean(ProcessEngine.class);
        assertThat(second.getName()).isNotEqualTo(engine.getName());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String project = fixture.newProject(MoveInFixture.SUB_DISTRICT);
                Task first = lastStep(project);
                Task other = lastStep(project);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> done = new ArrayList<>();
                done.add(threads.submit(() -> complete(engine.getTaskService(), first, together)));
                done.add(threads.submit(() -> complete(second.getTaskService(), other, together)));
                for (Future<?> each : done) {
                    each.get(60, TimeUnit.SECONDS);
                }

                RuntimeService runtime = engine.getRuntimeService();
                assertThat(runtime.createProcessInstanceQuery().processInstanceId(first.getProcessInstanceId()).count()
                        + runtime.createProcessInstanceQuery().processInstanceId(other.getProcessInstanceId()).count())
                        .as("both households are registered").isZero();
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("CommitteeSetup")
                        .processInstanceBusinessKey(project).count()).as("round " + round).isEqualTo(1);
                assertThat(jdbc.queryForObject("select first_registered_case_id from housing_project where id = ?",
                        String.class, project)).isIn(businessKey(first), businessKey(other));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A household of the project whose case waits at its police step, the last before registration. */
    private Task lastStep(String project) {
        TaskService tasks = engine.getTaskService();
        ProcessInstance pi = fixture.startMoveIn(project);
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), MoveInFixture.moveIn());
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
                MoveInFixture.members(List.of(MoveInFixture.head())));
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static Void complete(TaskService tasks, Task task, CyclicBarrier together) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        tasks.complete(task.getId(), MoveInFixture.confirmation());
        return null;
    }

    private String businessKey(Task task) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
    }
}
