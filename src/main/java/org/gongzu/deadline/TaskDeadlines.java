package org.gongzu.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.process.ModelBean;
import org.springframework.stereotype.Component;

/**
 * The working days a step may take, from the TaskDeadlines decision (processes/TaskDeadlines.dmn),
 * and the due date they give. Used by {@link DeadlineListener} for every new task and, as
 * {@code ${taskDeadlines.dueOf(execution, 'Task_X')}}, by the escalation timers of the models, which
 * are set when the step is entered, just before its task is created: both compute the same date.
 */
@ModelBean
@Component("taskDeadlines")
public class TaskDeadlines {

    public static final String DECISION_KEY = "TaskDeadlines";
    public static final String OUTPUT = "workingDays";
    /** How long a node keeps the latest decision it found before looking for a newer one. */
    private static final Duration LATEST_CHECKED_EVERY = Duration.ofSeconds(10);

    private record Latest(String decisionId, long foundAtNanos) {
    }

    private record Key(String decisionId, String processKey, String taskKey, Object district, Object subDistrict) {
    }

    private final Deadlines deadlines;
    private volatile Latest latest;
    /** Figures found by decision version and input: the table is a function of them. */
    private final Map<Key, Optional<Integer>> figures = new ConcurrentHashMap<>();

    TaskDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The due date of a step of this execution's process, as if its task were created now. */
    public java.util.Date dueOf(DelegateExecution execution, String taskKey) {
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return workingDays(processKey, taskKey, execution)
                .map(days -> java.util.Date.from(deadlines.dueAt(now, days)))
                .orElseThrow(() -> new ProcessEngineException("No rule in " + DECISION_KEY + " for " + processKey + " " + taskKey));
    }

    /** The working days the decision gives a step, empty without a rule. Runs inside an engine command. */
    Optional<Integer> workingDays(String processKey, String taskKey, VariableScope variables) {
        Object district = variables.getVariable(CaseVariables.DISTRICT);
        Object subDistrict = variables.getVariable(CaseVariables.SUB_DISTRICT);
        DmnDecision decision = latestDecision();
        String decisionId = ((DecisionDefinition) decision).getId();
        Key key = new Key(decisionId, processKey, taskKey, district, subDistrict);
        if (figures.size() > 10_000) {
            figures.clear();
        }
        return figures.computeIfAbsent(key, k -> {
            Map<String, Object> input = Variables.createVariables().putValue("processKey", processKey)
                    .putValue("taskKey", taskKey).putValue(CaseVariables.DISTRICT, district)
                    .putValue(CaseVariables.SUB_DISTRICT, subDistrict);
            // evaluated on the cached definition: no reads and no decision history per task
            DmnDecisionResultEntries first = Context.getProcessEngineConfiguration().getDmnEngine()
                    .evaluateDecision(decision, input).getFirstResult();
            Object days = first == null ? null : first.getEntry(OUTPUT);
            return days == null ? Optional.empty() : Optional.of(((Number) days).intValue());
        });
    }

    private DmnDecision latestDecision() {
        Latest known = latest;
        CommandContext context = Context.getCommandContext();
        if (known == null || System.nanoTime() - known.foundAtNanos() > LATEST_CHECKED_EVERY.toNanos()) {
            // the system's decision, not the acting user's: no permission on the decision needed
            DecisionDefinition definition = context.runWithoutAuthorization(() -> Context.getProcessEngineConfiguration()
                    .getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                    .withoutTenantId().latestVersion().singleResult());
            if (definition == null) {
                throw new ProcessEngineException("The decision " + DECISION_KEY + " is not deployed");
            }
            known = new Latest(definition.getId(), System.nanoTime());
            latest = known;
        }
        return Context.getProcessEngineConfiguration().getDeploymentCache().findDeployedDecisionDefinitionById(known.decisionId());
    }
}
