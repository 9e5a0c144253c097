package org.gongzu.monitoring;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.identity.Department;
import org.gongzu.place.Place;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps monitoring_task as the engine works: a row per user task and department when the task is
 * routed, its due date when it changes, and when and how it ended. Runs inside the step's own
 * transaction (docs/adr/0020), so the figures are never behind the engine and cost one statement per
 * event.
 */
@Component
public class StepRecorder implements TaskListener {

    private final JdbcTemplate jdbc;

    StepRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created((TaskEntity) task);
            case EVENTNAME_UPDATE -> {
                // an update event comes with every change of the task (a claim, a name): only a new due date counts
                if (((TaskEntity) task).getPropertyChanges().containsKey(TaskEntity.DUE_DATE)) {
                    jdbc.update("update monitoring_task set due_at = ? where task_id = ? and ended_at is null",
                            timestamp(task.getDueDate()), task.getId());
                }
            }
            case EVENTNAME_COMPLETE -> ended(task, "COMPLETED");
            case EVENTNAME_DELETE -> ended(task, "DELETED");
            default -> { }
        }
    }

    private void created(TaskEntity task) {
        ProcessDefinitionEntity definition = task.getProcessDefinition();
        if (definition == null) {
            return; // a task outside any process
        }
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        Object caseSubDistrict = task.getVariable(CaseVariables.SUB_DISTRICT);
        Object caseDistrict = task.getVariable(CaseVariables.DISTRICT);
        List<Object[]> rows = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct()
                .map(group -> placed(group).map(p -> new Object[] {task.getId(), group, p.department().code(), p.place(),
                        caseDistrict != null ? caseDistrict.toString() : Place.districtOf(p.place()),
                        caseSubDistrict == null ? null : caseSubDistrict.toString(),
                        definition.getKey(), definition.getId(), definition.getVersion(),
                        task.getTaskDefinitionKey(), task.getExecution().getProcessBusinessKey(), now,
                        timestamp(task.getDueDate())}).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        jdbc.batchUpdate("insert into monitoring_task (task_id, group_id, department, place_code, district_code,"
                + " sub_district_code, process_key, process_definition_id, process_version, element_id, case_id,"
                + " created_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void ended(DelegateTask task, String outcome) {
        Date now = ClockUtil.getCurrentTime();
        jdbc.update("update monitoring_task set ended_at = ?, outcome = ?, duration_ms = ? where task_id = ?"
                + " and ended_at is null", new Timestamp(now.getTime()), outcome,
                now.getTime() - task.getCreateTime().getTime(), task.getId());
    }

    /** A department's group: its department and place (e.g. {@code rc-110108015}); roles and others are not counted. */
    record Placed(Department department, String place) {
    }

    static Optional<Placed> placed(String groupId) {
        int dash = groupId.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String place = groupId.substring(dash + 1);
        return Department.ofCode(groupId.substring(0, dash)).filter(d -> place.matches("\\d{6}|\\d{9}"))
                .map(d -> new Placed(d, place));
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
