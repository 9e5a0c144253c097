package org.gongzu.mail;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzu.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Queues the mails about one task: arrival, reminder and 催办 to the members of its groups,
 * escalation to its groups' leaders. Runs in the caller's transaction, so the mails exist exactly
 * when the change that caused them does. Mails name the task, its case and its department, never a
 * person of the household.
 */
@Component
class TaskMails {

    /** What the mails say about a task. */
    record TaskFacts(String taskId, String taskName, String caseId, List<String> groups, Date due) {
    }

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter KEYED = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final Outbox outbox;
    private final Recipients recipients;
    private final MailPreferences preferences;
    private final MailTemplates templates;
    private final MailSettings settings;
    private final Clock clock;

    TaskMails(Outbox outbox, Recipients recipients, MailPreferences preferences, MailTemplates templates,
            MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.preferences = preferences;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    /** Work arrived in the task's groups. */
    int arrival(TaskFacts task) {
        return toGroups(MailKind.ARRIVAL, task, task.groups(), "arrival:" + task.taskId(), Map.of());
    }

    /** The task's follow-up date passed; its due date has not. */
    int reminder(TaskFacts task) {
        return toGroups(MailKind.REMINDER, task, task.groups(), "reminder:" + task.taskId() + ":" + dueKey(task), Map.of());
    }

    /** The task is overdue: its groups' leaders ({@link Roles#leadersOf}). */
    int escalation(TaskFacts task) {
        return toGroups(MailKind.ESCALATION, task, task.groups().stream().map(Roles::leadersOf).toList(),
                "escalation:" + task.taskId() + ":" + dueKey(task), Map.of());
    }

    /** 催办 {@code urgeId} by {@code urgedBy} (a role or department, in words), with an optional message. */
    int urge(TaskFacts task, String urgeId, String urgedBy, String message) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("urgedBy", urgedBy);
        extra.put("message", message == null ? "" : message);
        return toGroups(MailKind.URGE, task, task.groups(), "urge:" + urgeId, extra);
    }

    private int toGroups(MailKind kind, TaskFacts task, List<String> groups, String keyPrefix, Map<String, Object> extra) {
        Set<String> mailed = new HashSet<>();
        int queued = 0;
        for (String group : groups) {
            List<Recipients.Recipient> members = recipients.membersOf(group).stream()
                    .filter(r -> !mailed.contains(r.userId())).toList();
            if (members.isEmpty()) {
                continue;
            }
            Map<String, Object> values = new HashMap<>(extra);
            values.put("taskName", task.taskName());
            values.put("caseId", task.caseId() == null ? "" : task.caseId());
            // the department whose step it is (for an escalation: the leaders' own department)
            values.put("groupName", recipients.groupName(kind == MailKind.ESCALATION
                    ? group.substring(0, group.length() - Roles.LEADERS_SUFFIX.length()) : group));
            values.put("due", shown(task.due()));
            values.put("link", settings.taskLink(task.taskId()));
            Rendered content = templates.render(kind, values);
            Set<String> digest = kind.digestible()
                    ? preferences.digestUsers(members.stream().map(Recipients.Recipient::userId).toList()) : Set.of();
            for (Recipients.Recipient member : members) {
                mailed.add(member.userId());
                if (outbox.enqueue(new Outbox.Mail(keyPrefix + ":" + member.userId(), kind, member.userId(),
                        member.address(), content, task.taskId(), task.caseId(), digest.contains(member.userId())),
                        clock.instant())) {
                    queued++;
                }
            }
        }
        return queued;
    }

    static String shown(Date date) {
        return date == null ? "" : SHOWN.format(date.toInstant().atZone(BEIJING));
    }

    private static String dueKey(TaskFacts task) {
        return task.due() == null ? "none" : KEYED.format(task.due().toInstant().atZone(BEIJING));
    }
}
