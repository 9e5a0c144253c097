package org.gongzu.modeling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves running cases of older versions of a process to its latest version with Camunda's migration
 * API, mapping elements by id: where the cases wait (from the engine's statistics queries, never by
 * loading instances), which of them can move and why the others cannot, and the batch that moves them.
 */
@Component
class CaseMigrations {

    static final String DELETED = "该环节在新版本中已删除";
    static final String NOT_MAPPED = "该环节无法按编号对应到新版本的同一环节";
    private static final int MAX_FAILURES = 50;

    record Definition(String id, int version) {
    }

    record Step(String activityId, String name, long instances) {
    }

    record Source(String id, int version, long instances, List<Step> byStep) {
    }

    record Overview(Definition target, List<Source> sources) {
    }

    record Instruction(String from, String to) {
    }

    record Blocked(String activityId, String name, long instances, String reason) {
    }

    record Preview(int sourceVersion, int targetVersion, List<Instruction> instructions, long movable,
            List<Blocked> blocked) {
    }

    record Started(String batchId, long instances) {
    }

    record Failure(String jobId, String message) {
    }

    record Status(String batchId, int total, int done, int failed, boolean finished, List<Failure> failures) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final HistoryService historyService;

    CaseMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
            ManagementService managementService, HistoryService historyService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.historyService = historyService;
    }

    /** The latest version and, per older version with running cases, how many wait in which step. */
    Overview overview(String key) {
        ProcessDefinition target = latest(key);
        List<Source> sources = new ArrayList<>();
        List<ProcessDefinitionStatistics> statistics = managementService.createProcessDefinitionStatisticsQuery().list();
        statistics.stream().filter(s -> key.equals(s.getKey()) && s.getTenantId() == null
                && s.getVersion() < target.getVersion() && s.getInstances() > 0)
                .sorted(Comparator.comparingInt(ProcessDefinitionStatistics::getVersion).reversed())
                .forEach(s -> sources.add(new Source(s.getId(), s.getVersion(), s.getInstances(), steps(s.getId()))));
        return new Overview(new Definition(target.getId(), target.getVersion()), sources);
    }

    /** Which waiting cases of the source version can move to the latest, by step, and why the others cannot. */
    Preview preview(String key, int sourceVersion) {
        ProcessDefinition target = latest(key);
        ProcessDefinition source = version(key, sourceVersion);
        List<Step> steps = steps(source.getId());
        BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
        List<Instruction> instructions = new ArrayList<>();
        Map<String, String> invalid = new HashMap<>();
        try {
            plan(source, target).getInstructions().forEach(i -> instructions.add(instruction(i)));
        } catch (MigrationPlanValidationException e) {
            for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
                String reason = "迁移计划校验未通过：" + String.join("；", report.getFailures());
                invalid.put(report.getMigrationInstruction().getSourceActivityId(), reason);
            }
            String general = "迁移计划校验未通过";
            steps.forEach(s -> invalid.putIfAbsent(s.activityId(), general));
        }
        long movable = 0;
        List<Blocked> blocked = new ArrayList<>();
        for (Step step : steps) {
            boolean mapped = instructions.stream().anyMatch(i -> i.from().equals(step.activityId()));
            if (mapped && !invalid.containsKey(step.activityId())) {
                movable += step.instances();
            } else {
                String reason = invalid.containsKey(step.activityId()) ? invalid.get(step.activityId())
                        : targetModel.getModelElementById(step.activityId()) == null ? DELETED : NOT_MAPPED;
                blocked.add(new Blocked(step.activityId(), step.name(), step.instances(), reason));
            }
        }
        return new Preview(source.getVersion(), target.getVersion(), instructions, movable, blocked);
    }

    /** Starts the batch that moves every running case of the source version to the latest. */
    Started start(String key, int sourceVersion) {
        ProcessDefinition target = latest(key);
        ProcessDefinition source = version(key, sourceVersion);
        MigrationPlan plan;
        try {
            plan = plan(source, target);
        } catch (MigrationPlanValidationException e) {
            throw new org.gongzu.validation.InvalidInputException("sourceVersion", "该版本的案卷无法迁移：迁移计划校验未通过");
        }
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        if (instances == 0) {
            throw new org.gongzu.validation.InvalidInputException("sourceVersion", "该版本没有正在办理的案卷");
        }
        Batch batch = runtimeService.newMigration(plan)
                .processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()))
                .executeAsync();
        return new Started(batch.getId(), instances);
    }

    /** How far a migration batch got; finished once the engine has removed the batch. */
    Status status(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        if (batch == null) {
            HistoricBatch done = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
            if (done == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(done.getType())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个迁移批次");
            }
            return new Status(batchId, done.getTotalJobs(), done.getTotalJobs(), 0, true,
                    List.of());
        }
        if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(batch.getType())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个迁移批次");
        }
        BatchStatistics statistics = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
        List<Failure> failures = new ArrayList<>();
        for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException()
                .listPage(0, MAX_FAILURES)) {
            failures.add(new Failure(job.getId(), "迁移失败：" + job.getExceptionMessage()));
        }
        int total = statistics == null ? batch.getTotalJobs() : statistics.getTotalJobs();
        int done = statistics == null ? 0 : statistics.getCompletedJobs();
        int failed = statistics == null ? 0 : statistics.getFailedJobs();
        return new Status(batchId, total, done, failed, false, failures);
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
        return runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                .updateEventTriggers().build();
    }

    private List<Step> steps(String definitionId) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
        List<Step> steps = new ArrayList<>();
        for (ActivityStatistics s : managementService.createActivityStatisticsQuery(definitionId).list()) {
            FlowElement element = model.getModelElementById(s.getId());
            steps.add(new Step(s.getId(), element == null || element.getName() == null ? s.getId() : element.getName(),
                    s.getInstances()));
        }
        steps.sort(Comparator.comparing(Step::activityId));
        return steps;
    }

    private static Instruction instruction(MigrationInstruction i) {
        return new Instruction(i.getSourceActivityId(), i.getTargetActivityId());
    }

    private ProcessDefinition latest(String key) {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个流程：" + key);
        }
        return latest;
    }

    private ProcessDefinition version(String key, int version) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该流程没有第" + version + "版");
        }
        return definition;
    }
}
