package org.gongzu.mail;

import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the outbox (docs/adr/0026): claims a batch of due rows for this node with a lease, sends
 * each and marks it sent at once, so that only a crash between the SMTP server's acceptance and
 * that mark can send a mail twice (at-least-once in that window). A failure is tried again after a
 * back-off doubling from gongzu.mail.backoff-initial to backoff-max; after max-attempts the row is
 * FAILED for an administrator to retry. All work of one sender runs on its own single thread:
 * polled every gongzu.mail.poll and nudged after each commit that queued a mail. Without an SMTP
 * host (spring.mail.host) nothing is sent and mail stays PENDING.
 */
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** What JavaMailSenderImpl reports when it cannot connect: no message was tried. */
    private static final String CONNECTION_FAILED = "Mail server connection failed";

    private final Outbox outbox;
    private final JavaMailSender mailSender;
    private final MailSettings settings;
    private final Clock clock;
    private final String node;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxSender(Outbox outbox, JavaMailSender mailSender, MailSettings settings, Clock clock, String node) {
        this.outbox = outbox;
        this.mailSender = settings.smtpConfigured() ? mailSender : null;
        this.settings = settings;
        this.clock = clock;
        this.node = node == null || node.isBlank() ? defaultNode() : node;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
        if (this.mailSender == null) {
            LOG.info("No SMTP server configured (spring.mail.host): mail is queued in the outbox, not sent");
        }
    }

    public String node() {
        return node;
    }

    public boolean sending() {
        return mailSender != null;
    }

    @Scheduled(fixedDelayString = "${gongzu.mail.poll:PT5S}", initialDelayString = "${gongzu.mail.poll:PT5S}")
    void poll() {
        nudge();
    }

    /** A transaction that queued mail committed: send it now rather than at the next poll. */
    @TransactionalEventListener(fallbackExecution = true)
    void queued(Outbox.Queued event) {
        nudge();
    }

    /** Runs {@link #drain} on the sender's thread unless a run is already waiting. */
    public void nudge() {
        if (mailSender != null && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    // the database is away: claimed rows wait for their lease to end
                    LOG.warn("Outbox not sent: {}", e.toString());
                }
            });
        }
    }

    /** Sends every due row; answers how many were sent. Stops early while the SMTP server is unreachable. */
    synchronized int drain() {
        if (mailSender == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<Outbox.Claimed> batch = outbox.claim(node, now, now.plus(settings.lease), settings.batchSize);
            if (batch.isEmpty()) {
                return sent;
            }
            for (int i = 0; i < batch.size(); i++) {
                Outbox.Claimed row = batch.get(i);
                try {
                    mailSender.send(message(row));
                } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                    Instant failedAt = clock.instant();
                    outbox.markFailed(row, node, describe(e), failedAt.plus(settings.backoff(row.attempts() + 1)),
                            settings.maxAttempts);
                    if (serverUnreachable(e)) {
                        // one try per poll while the server is away; the rest of the batch was not tried
                        outbox.release(batch.subList(i + 1, batch.size()), node);
                        LOG.warn("SMTP server unreachable, mail stays queued: {}", describe(e));
                        return sent;
                    }
                    LOG.warn("Mail {} not sent (attempt {}): {}", row.key(), row.attempts() + 1, describe(e));
                    continue;
                }
                outbox.markSent(row.id(), node, clock.instant());
                sent++;
            }
        }
    }

    private MimeMessage message(Outbox.Claimed row) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from, settings.fromName);
        if (settings.redirectTo != null) {
            // not production: everything goes to one address, which shows whom it was for
            helper.setTo(settings.redirectTo);
            helper.setSubject("[原收件人 " + row.recipient() + "] " + row.subject());
        } else {
            helper.setTo(row.recipient());
            helper.setSubject(row.subject());
        }
        helper.setText(row.text(), row.html());
        // the same mail sent again carries the same id: a receiving system can drop the repetition
        message.setHeader("Message-ID", messageId(row.key()));
        return message;
    }

    /** A Message-ID derived from the idempotency key, e.g. {@code <arrival.42.hdrc@gongzu.mail>}. */
    static String messageId(String key) {
        return "<" + key.replaceAll("[^A-Za-z0-9.-]", ".") + "@gongzu.mail>";
    }

    private static boolean serverUnreachable(Exception e) {
        return e instanceof MailAuthenticationException
                || e instanceof MailSendException send && CONNECTION_FAILED.equals(send.getMessage());
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder();
        while (cause != null && text.length() < 900) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }

    private static String defaultNode() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
