package org.gongzu.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest of users who chose it: from gongzu.mail.digest-at (08:00 Beijing time) on, the
 * mails held for a user before that hour go out as one mail (digest:<userId>:<date>), and are marked
 * DIGESTED with it in one transaction. Mails held after the hour wait for the next day's digest.
 */
@Component
class Digests {

    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Outbox outbox;
    private final MailTemplates templates;
    private final MailSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Digests(Outbox outbox, MailTemplates templates, MailSettings settings, TransactionTemplate transaction, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Composes today's digests if their hour has come; answers how many were queued. */
    int composeDue(Instant now) {
        ZonedDateTime local = now.atZone(TaskMails.BEIJING);
        Instant cutoff = local.toLocalDate().atTime(settings.digestAt).atZone(TaskMails.BEIJING).toInstant();
        if (now.isBefore(cutoff)) {
            return 0;
        }
        int composed = 0;
        for (String user : outbox.usersWithHeldMail(cutoff)) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(s -> compose(user, local.toLocalDate(), cutoff)))) {
                    composed++;
                }
            } catch (DataIntegrityViolationException e) {
                LOG.debug("Digest of {} composed by another node", user);
            }
        }
        return composed;
    }

    private boolean compose(String userId, LocalDate date, Instant cutoff) {
        List<Map<String, Object>> held = outbox.held(userId, cutoff);
        if (held.isEmpty()) {
            return false;
        }
        List<Map<String, Object>> entries = held.stream().map(row -> {
            Map<String, Object> entry = new HashMap<>();
            entry.put("subject", row.get("subject"));
            entry.put("link", row.get("task_id") == null ? settings.linkBase : settings.taskLink((String) row.get("task_id")));
            entry.put("queuedAt", TaskMails.shown(new java.util.Date(((Timestamp) row.get("created_at")).getTime())));
            return entry;
        }).toList();
        Map<String, Object> values = Map.of("date", SHOWN.format(date), "count", entries.size(), "entries", entries);
        String key = "digest:" + userId + ":" + date;
        String address = (String) held.get(held.size() - 1).get("recipient");
        if (!outbox.enqueue(new Outbox.Mail(key, MailKind.DIGEST, userId, address, templates.render(MailKind.DIGEST, values),
                null, null, false), clock.instant())) {
            return false;
        }
        outbox.markDigested(held.stream().map(row -> ((Number) row.get("id")).longValue()).toList(), outbox.idOf(key));
        return true;
    }
}
