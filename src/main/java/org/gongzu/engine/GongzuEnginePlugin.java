package org.gongzu.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.gongzu.movein.TenantMoveInProcess;
import org.gongzu.routing.TaskRoutingParseListener;
import org.springframework.stereotype.Component;

/**
 * Gongzu's additions to the engine: refused input reaches callers as a form validation error (HTTP
 * 400 over REST), personal data fields never reach the history tables, and every user task is
 * routed by the TaskRouting decision.
 */
@Component
class GongzuEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskRoutingParseListener routing;

    GongzuEnginePlugin(TaskRoutingParseListener routing) {
        this.routing = routing;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>(nonNull(configuration.getCustomPreCommandInterceptorsTxRequired()));
        interceptors.add(new InvalidInputInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(
                new PersonalDataHistoryFilter(new DbHistoryEventHandler(), TenantMoveInProcess.PERSONAL_DATA_FIELDS));

        List<BpmnParseListener> parseListeners = new ArrayList<>(nonNull(configuration.getCustomPreBPMNParseListeners()));
        parseListeners.add(routing);
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
