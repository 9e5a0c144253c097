package org.gongzu.engine;

import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The history Gongzu keeps (docs/adr/0014): everything the engine's "full" level writes, except
 * what repeats what other rows already say.
 * <ul>
 * <li>No form-field detail rows ({@code act_hi_detail}): the submitted values are the variables'
 * values in {@code act_hi_varinst}, and who submitted them when is the task's and the user
 * operation log's.</li>
 * <li>No variable-update detail rows ({@code act_hi_detail}), for the same reason.</li>
 * <li>No evaluation history of the decisions that only route tasks (for example TaskRouting):
 * their outcome is the task's candidate groups, logged in {@code act_hi_identitylink}.
 * Decisions that decide about people (eligibility) keep their history.</li>
 * <li>No "identity link deleted" rows when a task ends and its candidate links go with it.</li>
 * </ul>
 * Who did what, when, on which case stays answerable: tasks with assignee and times
 * ({@code act_hi_taskinst}), the user operation log (claim, complete, assign), candidate
 * departments ({@code act_hi_identitylink}), variables ({@code act_hi_varinst}), the case journal.
 */
final class AuditHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "gongzu-audit";
    /** Stored in ACT_GE_PROPERTY; must differ from the engine's own levels (0 to 3). */
    static final int ID = 30;

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.FORM_PROPERTY_UPDATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.IDENTITY_LINK_DELETE);

    private final Set<String> routingDecisions;

    AuditHistoryLevel(Set<String> routingDecisions) {
        this.routingDecisions = Set.copyOf(routingDecisions);
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (LEFT_OUT.contains(eventType)) {
            return false;
        }
        if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && entity instanceof DmnDecision decision) {
            return !routingDecisions.contains(decision.getKey());
        }
        return true;
    }
}
