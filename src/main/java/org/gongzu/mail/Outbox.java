package org.gongzu.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox (V17, docs/adr/0026): mails are queued in the caller's transaction and claimed,
 * marked sent or failed by {@link OutboxSender} in short transactions of their own.
 */
@Repository
public class Outbox {

    /** A mail to queue for one recipient; {@code held} keeps it for the recipient's daily digest. */
    record Mail(String key, MailKind kind, String recipientId, String recipient, Rendered content, String taskId,
            String caseId, boolean held) {
    }

    /** A claimed row as the sender needs it. */
    record Claimed(long id, String key, String recipient, String subject, String html, String text, int attempts) {
    }

    /** A row as administrators see it: no bodies. */
    record Row(long id, String key, String kind, String recipientId, String recipient, String subject, String taskId,
            String caseId, String status, int attempts, Timestamp nextAttemptAt, String lastError, Timestamp createdAt,
            Timestamp sentAt) {
    }

    /** Published when a mail to send was queued: the sender sends it once the transaction commits. */
    record Queued() {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("id"), rs.getString("idempotency_key"),
            rs.getString("kind"), rs.getString("recipient_id"), rs.getString("recipient"), rs.getString("subject"),
            rs.getString("task_id"), rs.getString("case_id"), rs.getString("status"), rs.getInt("attempts"),
            rs.getTimestamp("next_attempt_at"), rs.getString("last_error"), rs.getTimestamp("created_at"),
            rs.getTimestamp("sent_at"));

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Outbox(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Queues the mail unless a mail with its key was ever queued; answers whether it was. */
    boolean enqueue(Mail mail, Instant now) {
        Timestamp at = Timestamp.from(now);
        int inserted = jdbc.update("insert into mail_outbox (idempotency_key, kind, recipient_id, recipient, subject,"
                + " html_body, text_body, task_id, case_id, status, attempts, next_attempt_at, created_at)"
                + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? where not exists"
                + " (select 1 from mail_outbox where idempotency_key = ?)",
                mail.key(), mail.kind().name(), mail.recipientId(), mail.recipient(), mail.content().subject(),
                mail.content().html(), mail.content().text(), mail.taskId(), mail.caseId(),
                mail.held() ? "HELD" : "PENDING", at, at, mail.key());
        if (inserted == 1 && !mail.held()) {
            events.publishEvent(new Queued());
        }
        return inserted == 1;
    }

    /**
     * Claims up to {@code limit} due rows for {@code node} until {@code until}. The conditions are
     * repeated outside the subquery: a row another node claimed meanwhile no longer matches when this
     * update reaches it, so two nodes never hold the same row.
     */
    List<Claimed> claim(String node, Instant now, Instant until, int limit) {
        Timestamp at = Timestamp.from(now);
        // millisecond precision: the select below finds the batch by this value, as every database stores it
        Timestamp lease = Timestamp.from(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        int claimed = jdbc.update("update mail_outbox set claimed_by = ?, claimed_until = ? where id in"
                + " (select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?"
                + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id limit ?)"
                + " and status = 'PENDING' and (claimed_until is null or claimed_until < ?)",
                node, lease, at, at, limit, at);
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.query("select id, idempotency_key, recipient, subject, html_body, text_body, attempts"
                + " from mail_outbox where claimed_by = ? and claimed_until = ? and status = 'PENDING' order by id",
                (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)), node, lease);
    }

    void markSent(long id, String node, Instant now) {
        jdbc.update("update mail_outbox set status = 'SENT', sent_at = ?, claimed_by = null, claimed_until = null,"
                + " last_error = null where id = ? and claimed_by = ?", Timestamp.from(now), id, node);
    }

    /** One more failed attempt: tried again at {@code nextAttempt}, or FAILED once {@code maxAttempts} are used. */
    void markFailed(Claimed row, String node, String error, Instant nextAttempt, int maxAttempts) {
        jdbc.update("update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ?,"
                + " status = ?, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
                row.attempts() + 1, error, Timestamp.from(nextAttempt),
                row.attempts() + 1 >= maxAttempts ? "FAILED" : "PENDING", row.id(), node);
    }

    /** Gives claimed rows back untried (the server was unreachable): no attempt is counted. */
    void release(List<Claimed> rows, String node) {
        for (Claimed row : rows) {
            jdbc.update("update mail_outbox set claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
                    row.id(), node);
        }
    }

    /** The newest rows of a status, or of every status. */
    List<Row> list(String status, int limit) {
        String columns = "select id, idempotency_key, kind, recipient_id, recipient, subject, task_id, case_id, status,"
                + " attempts, next_attempt_at, last_error, created_at, sent_at from mail_outbox";
        return status == null ? jdbc.query(columns + " order by id desc limit ?", ROW, limit)
                : jdbc.query(columns + " where status = ? order by id desc limit ?", ROW, status, limit);
    }

    /** A FAILED row is tried again from now, with its attempts counted anew; answers whether it was FAILED. */
    boolean retry(long id, Instant now) {
        return jdbc.update("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " claimed_by = null, claimed_until = null where id = ? and status = 'FAILED'",
                Timestamp.from(now), id) == 1;
    }

    /** The users with mail held for their digest since before {@code cutoff}. */
    List<String> usersWithHeldMail(Instant cutoff) {
        return jdbc.queryForList("select distinct recipient_id from mail_outbox where status = 'HELD' and created_at < ?",
                String.class, Timestamp.from(cutoff));
    }

    /** A user's held mails queued before {@code cutoff}, oldest first. */
    List<Map<String, Object>> held(String userId, Instant cutoff) {
        return jdbc.queryForList("select id, recipient, subject, kind, task_id, case_id, created_at from mail_outbox"
                + " where recipient_id = ? and status = 'HELD' and created_at < ? order by id", userId,
                Timestamp.from(cutoff));
    }

    long idOf(String key) {
        return jdbc.queryForObject("select id from mail_outbox where idempotency_key = ?", Long.class, key);
    }

    void markDigested(List<Long> ids, long digestId) {
        for (Long id : ids) {
            jdbc.update("update mail_outbox set status = 'DIGESTED', digest_id = ? where id = ? and status = 'HELD'",
                    digestId, id);
        }
    }
}
