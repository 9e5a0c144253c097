package org.gongzu.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Drops the history of variables that carry personal data (names, ID numbers, members). Those are
 * submitted by forms, moved into the project's tables by the step's listener and removed from the
 * process in the same transaction, so without this filter the history tables would keep a copy.
 */
class PersonalDataHistoryFilter implements HistoryEventHandler {

    private final HistoryEventHandler delegate;
    private final Set<String> personalDataVariables;

    PersonalDataHistoryFilter(HistoryEventHandler delegate, Set<String> personalDataVariables) {
        this.delegate = delegate;
        this.personalDataVariables = personalDataVariables;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isPersonalData(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private boolean isPersonalData(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable
                && personalDataVariables.contains(variable.getVariableName());
    }
}
