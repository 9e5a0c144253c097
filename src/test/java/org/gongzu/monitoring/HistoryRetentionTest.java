package org.gongzu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail stays at least six months (every model's historyTimeToLive), the engine's cleanup
 * removes what has expired, and the monitoring figures outlive it.
 */
@GongzuTest
class HistoryRetentionTest {

    static final int SIX_MONTHS_IN_DAYS = 183;
    private static final Pattern TTL = Pattern.compile("camunda:historyTimeToLive=\"(\\d+)\"");

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired MoveInFixture fixture;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyProcessAndDecisionKeepsItsHistoryAtLeastSixMonthsAndTheCleanupRunsAtNight() throws Exception {
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.toList()) {
                Matcher ttl = TTL.matcher(Files.readString(model));
                int found = 0;
                while (ttl.find()) {
                    found++;
                    assertThat(Integer.parseInt(ttl.group(1))).as(model.toString()).isGreaterThanOrEqualTo(SIX_MONTHS_IN_DAYS);
                }
                assertThat(found).as(model + " sets historyTimeToLive").isPositive();
            }
        }
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        // a finished case is kept until its end plus the time to live
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(MoveInFixture.SUB_DISTRICT));
        runtimeService.deleteProcessInstance(pi.getId(), "测试");
        Date removal = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getRemovalTime();
        assertThat(removal).isAfter(new Date(System.currentTimeMillis() + SIX_MONTHS_IN_DAYS * 86_400_000L));
    }

    @Test
    void theCleanupRemovesExpiredHistoryAndTheMonitoringFiguresStay() {
        ProcessInstance pi = fixture.startMoveIn(fixture.occupiedProject(MoveInFixture.SUB_DISTRICT));
        Task confirm = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.complete(confirm.getId(), MoveInFixture.moveIn());
        runtimeService.deleteProcessInstance(pi.getId(), "测试");
        // as if its time to live had passed
        Batch batch = historyService.setRemovalTimeToHistoricProcessInstances()
                .absoluteRemovalTime(new Date(System.currentTimeMillis() - 86_400_000L)).byIds(pi.getId()).executeAsync();
        runAll(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId());

        Job cleanup = historyService.cleanUpHistoryAsync(true);
        run(cleanup);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(confirm.getId()).count()).isZero();
        // the figures of its steps are not engine history
        assertThat(jdbc.queryForList("select outcome from monitoring_task where task_id = ?", String.class,
                confirm.getId())).containsExactly("COMPLETED");
    }

    private void runAll(String... jobDefinitionIds) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<Job> jobs = Stream.of(jobDefinitionIds).flatMap(id -> managementService.createJobQuery()
                    .jobDefinitionId(id).list().stream()).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(this::run);
        }
        throw new AssertionError("the batch did not finish");
    }

    private void run(Job job) {
        try {
            managementService.executeJob(job.getId());
        } catch (ProcessEngineException e) {
            // the job executor ran it first, or (the cleanup) it reschedules itself
        }
    }
}
