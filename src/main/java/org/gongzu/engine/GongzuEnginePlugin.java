package org.gongzu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.gongzu.deadline.DeadlineParseListener;
import org.gongzu.process.ProcessModule;
import org.gongzu.routing.TaskRoutingListener;
import org.gongzu.monitoring.MonitoringParseListener;
import org.gongzu.routing.TaskRoutingParseListener;
import org.springframework.stereotype.Component;

/**
 * Gongzu's additions to the engine, for every process module alike: refused input reaches callers
 * as a form validation error (HTTP 400 over REST) and is logged as one line, personal data fields
 * never reach the history tables, forms may submit only their own fields, every user task is routed
 * by the TaskRouting decision and given its due dates by the TaskDeadlines decision, and task hand-overs follow {@link TaskAssignmentRules}.
 */
@Component
// before the mail's plugin: its arrival mail reads the due date this plugin's listeners set
@org.springframework.core.annotation.Order(0)
class GongzuEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskRoutingParseListener routing;
    private final TaskRoutingListener routingListener;
    private final FormSubmissionGuard formGuard;
    private final TaskAssignmentRules assignmentRules;
    private final Set<String> personalDataFields;
    private final MonitoringParseListener monitoring;
    private final DeadlineParseListener deadlines;

    GongzuEnginePlugin(TaskRoutingParseListener routing, TaskRoutingListener routingListener, FormSubmissionGuard formGuard,
            TaskAssignmentRules assignmentRules, List<ProcessModule> modules, MonitoringParseListener monitoring,
            DeadlineParseListener deadlines) {
        this.monitoring = monitoring;
        this.deadlines = deadlines;
        this.routing = routing;
        this.routingListener = routingListener;
        this.formGuard = formGuard;
        this.assignmentRules = assignmentRules;
        this.personalDataFields = modules.stream().flatMap(m -> m.personalDataFields().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // outermost: sees the exception as the caller will, once per command (not per nested command)
        List<CommandInterceptor> interceptors = new ArrayList<>(nonNull(configuration.getCustomPreCommandInterceptorsTxRequired()));
        interceptors.add(new CommandOutcomeLogger());
        interceptors.add(new InvalidInputInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        List<CommandInterceptor> requiresNew = new ArrayList<>(nonNull(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        requiresNew.add(new CommandOutcomeLogger());
        requiresNew.add(new InvalidInputInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(requiresNew);
        // CommandOutcomeLogger logs failures instead: refusals as one line, real failures with their trace
        configuration.setEnableCmdExceptionLogging(false);

        configuration.setResourceAuthorizationProvider(assignmentRules);
        // task visibility from the tasks' links instead of one authorization row per task (ADR 0013)
        List<SessionFactory> sessionFactories = new ArrayList<>(nonNull(configuration.getCustomSessionFactories()));
        sessionFactories.add(new TaskVisibility.Factory());
        configuration.setCustomSessionFactories(sessionFactories);

        // full history without the rows that repeat others (ADR 0014); application.yaml names it
        List<HistoryLevel> historyLevels = new ArrayList<>(nonNull(configuration.getCustomHistoryLevels()));
        historyLevels.add(new AuditHistoryLevel(Set.of(TaskRoutingListener.DECISION_KEY)));
        configuration.setCustomHistoryLevels(historyLevels);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(
                new PersonalDataHistoryFilter(new DbHistoryEventHandler(), personalDataFields));

        // a new deployment with decisions may carry a new routing table: the router looks it up again
        // (decided from what was parsed, so a deployment re-read into the cache costs no extra reads)
        List<Deployer> postDeployers = new ArrayList<>(nonNull(configuration.getCustomPostDeployers()));
        postDeployers.add(deployment -> {
            if (deployment.isNew() && deployment.getDeployedDecisionDefinitions() != null
                    && !deployment.getDeployedDecisionDefinitions().isEmpty()) {
                routingListener.forgetLatestDecision();
            }
        });
        configuration.setCustomPostDeployers(postDeployers);

        List<BpmnParseListener> parseListeners = new ArrayList<>(nonNull(configuration.getCustomPreBPMNParseListeners()));
        parseListeners.add(routing);
        parseListeners.add(formGuard);
        configuration.setCustomPreBPMNParseListeners(parseListeners);
        // after the routing listener: a task is recorded for monitoring with the departments it was routed to
        // and, the deadline listener running first, with its due date
        List<BpmnParseListener> postParseListeners = new ArrayList<>(nonNull(configuration.getCustomPostBPMNParseListeners()));
        postParseListeners.add(deadlines);
        postParseListeners.add(monitoring);
        configuration.setCustomPostBPMNParseListeners(postParseListeners);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
