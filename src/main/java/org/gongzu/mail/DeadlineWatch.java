package org.gongzu.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every gongzu.mail.reminder-check (10 minutes): a reminder for each open task whose follow-up date
 * has passed and whose due date has not, an escalation for each overdue one — once per task and due
 * date, on any node (mail_deadline_notice) — and the daily digests once their hour has come. Dates
 * are the engine's task dates, set when a task is created.
 */
@Component
class DeadlineWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int PAGE = 200;

    private final ProcessEngine engine;
    private final TaskMails mails;
    private final Digests digests;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DeadlineWatch(ProcessEngine engine, TaskMails mails, Digests digests, JdbcTemplate jdbc,
            TransactionTemplate transaction, Clock clock) {
        this.engine = engine;
        this.mails = mails;
        this.digests = digests;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gongzu.mail.reminder-check:PT10M}", initialDelayString = "${gongzu.mail.reminder-check:PT10M}")
    void scheduled() {
        try {
            check(ClockUtil.getCurrentTime());
            digests.composeDue(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Reminders and escalations not checked: {}", e.toString());
        }
    }

    /** Queues the reminders and escalations due at {@code now}; answers how many tasks were newly noticed. */
    int check(Date now) {
        int noticed = each(() -> engine.getTaskService().createTaskQuery().followUpBefore(now).dueAfter(now),
                MailKind.REMINDER, now);
        return noticed + each(() -> engine.getTaskService().createTaskQuery().dueBefore(now), MailKind.ESCALATION, now);
    }

    private int each(java.util.function.Supplier<TaskQuery> query, MailKind kind, Date now) {
        int noticed = 0;
        for (int first = 0;; first += PAGE) {
            List<Task> page = query.get().active().orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                try {
                    if (Boolean.TRUE.equals(transaction.execute(status -> notice(task, kind, now)))) {
                        noticed++;
                    }
                } catch (DataIntegrityViolationException e) {
                    // another node noticed it at the same moment
                }
            }
            if (page.size() < PAGE) {
                return noticed;
            }
        }
    }

    /** Claims the notice of this task's deadline and queues its mails in the same transaction. */
    private boolean notice(Task task, MailKind kind, Date now) {
        Timestamp due = new Timestamp(task.getDueDate().getTime());
        if (jdbc.update("insert into mail_deadline_notice (task_id, kind, due_at, noticed_at) select ?, ?, ?, ?"
                + " where not exists (select 1 from mail_deadline_notice where task_id = ? and kind = ? and due_at = ?)",
                task.getId(), kind.name(), due, new Timestamp(now.getTime()), task.getId(), kind.name(), due) == 0) {
            return false;
        }
        TaskMails.TaskFacts facts = facts(engine, task);
        if (kind == MailKind.REMINDER) {
            mails.reminder(facts);
        } else {
            mails.escalation(facts);
        }
        return true;
    }

    /** What the mails say of an open task: its name, case, departments and due date. */
    static TaskMails.TaskFacts facts(ProcessEngine engine, Task task) {
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().toList();
        ProcessInstance instance = task.getProcessInstanceId() == null ? null : engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return new TaskMails.TaskFacts(task.getId(), task.getName(), instance == null ? null : instance.getBusinessKey(),
                groups, task.getDueDate());
    }
}
