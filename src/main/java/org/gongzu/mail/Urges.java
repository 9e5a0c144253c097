package org.gongzu.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.identity.Roles;
import org.gongzu.place.Place;
import org.gongzu.webapp.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 催办: who may urge a step, how often, and what it leaves behind (a row, a journal entry on the
 * case, mails to the step's department). May urge: municipal supervisors; a district's supervisors
 * for cases of their district; a user who completed a step of the same case, or whose department
 * holds another open step of it — the case waits on this step for them. The step's own department
 * may not urge itself. A step is urged at most once per gongzu.mail.urge-interval (24 hours).
 */
@Component
class Urges {

    static final String NOT_FOUND = "该任务已不存在，或您无权催办";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    record Urged(String id, Instant urgedAt) {
    }

    private final ProcessEngine engine;
    private final TaskMails mails;
    private final CaseJournal journal;
    private final Recipients recipients;
    private final JdbcTemplate jdbc;
    private final MailSettings settings;
    private final Clock clock;

    Urges(ProcessEngine engine, TaskMails mails, CaseJournal journal, Recipients recipients, JdbcTemplate jdbc,
            MailSettings settings, Clock clock) {
        this.engine = engine;
        this.mails = mails;
        this.journal = journal;
        this.recipients = recipients;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Urges the step as {@code caller}; engine reads run as the system (the caller's right is decided here). */
    @Transactional
    public Urged urge(Caller caller, String taskId, String message) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
        }
        TaskMails.TaskFacts facts = DeadlineWatch.facts(engine, task);
        String urgedBy = urgedBy(caller, task, facts);
        Instant now = clock.instant();
        // urges of one step wait for each other here, on any node, so the check below sees the last one
        if (jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ = ? for update", String.class, taskId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
        }
        Timestamp last = jdbc.queryForObject("select max(urged_at) from mail_urge where task_id = ?", Timestamp.class,
                taskId);
        if (last != null && last.toInstant().plus(settings.urgeInterval).isAfter(now)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "该环节已于"
                    + shown(last.toInstant()) + "催办过，下次可催办时间为" + shown(last.toInstant().plus(settings.urgeInterval)));
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into mail_urge (id, task_id, case_id, user_id, message, urged_at) values (?, ?, ?, ?, ?, ?)",
                id, taskId, facts.caseId(), caller.userId(), message, Timestamp.from(now));
        if (facts.caseId() != null) {
            journal.record(facts.caseId(), "URGED", caller.userId(), urgedBy + "催办「" + task.getName() + "」"
                    + (message == null ? "" : "，说明：" + message));
        }
        mails.urge(facts, id, urgedBy, message);
        return new Urged(id, now);
    }

    /** Who urges, in words for the mail; refuses callers who may not urge this step. */
    private String urgedBy(Caller caller, Task task, TaskMails.TaskFacts facts) {
        List<String> groups = caller.groups();
        if (groups.contains(Roles.SUPERVISOR)) {
            return "市级监督";
        }
        Optional<String> district = districtOf(task);
        if (district.isPresent() && groups.contains(Roles.districtSupervisor(district.get()))) {
            return recipients.groupName(Roles.districtSupervisor(district.get()));
        }
        if (caller.userId().equals(task.getAssignee()) || facts.groups().stream().anyMatch(groups::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "不能催办本部门正在办理的环节");
        }
        if (facts.caseId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
        }
        if (engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(facts.caseId())
                .taskAssignee(caller.userId()).finished().count() > 0) {
            return departmentOf(caller);
        }
        List<String> departments = groups.stream().filter(g -> g.contains("-") && !g.startsWith(Roles.DISTRICT_SUPERVISOR_PREFIX))
                .toList();
        boolean holdsAnother = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(facts.caseId())
                .taskAssignee(caller.userId()).count() > 0
                || !departments.isEmpty() && engine.getTaskService().createTaskQuery()
                        .processInstanceBusinessKey(facts.caseId()).taskCandidateGroupIn(departments).count() > 0;
        if (holdsAnother) {
            return departmentOf(caller);
        }
        // neither on the case nor supervising it: the step is not theirs to see
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
    }

    private String departmentOf(Caller caller) {
        return caller.groups().stream().filter(g -> g.contains("-") && !g.endsWith(Roles.LEADERS_SUFFIX)
                && !g.startsWith(Roles.DISTRICT_SUPERVISOR_PREFIX)).findFirst().map(recipients::groupName).orElse("相关部门");
    }

    private Optional<String> districtOf(Task task) {
        if (task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        Object district = engine.getRuntimeService().getVariable(task.getProcessInstanceId(), CaseVariables.DISTRICT);
        if (district == null) {
            Object subDistrict = engine.getRuntimeService().getVariable(task.getProcessInstanceId(), CaseVariables.SUB_DISTRICT);
            district = subDistrict == null ? null : Place.districtOf(subDistrict.toString());
        }
        return Optional.ofNullable(district).map(Object::toString);
    }

    private static String shown(Instant instant) {
        return SHOWN.format(instant.atZone(TaskMails.BEIJING));
    }
}
