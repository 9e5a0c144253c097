package org.gongzu.mail;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The gongzu.mail.* settings (application.yaml explains each) and whether an SMTP server is configured. */
@Component
class MailSettings {

    final String smtpHost;
    final String from;
    final String fromName;
    final String redirectTo;
    final String linkBase;
    final String templatesDir;
    final int maxAttempts;
    final Duration backoffInitial;
    final Duration backoffMax;
    final Duration lease;
    final int batchSize;
    final Duration urgeInterval;
    final LocalTime digestAt;

    MailSettings(@Value("${spring.mail.host:}") String smtpHost,
            @Value("${gongzu.mail.from:gongzu@gongzu.example}") String from,
            @Value("${gongzu.mail.from-name:公租房服务平台}") String fromName,
            @Value("${gongzu.mail.redirect-to:}") String redirectTo,
            @Value("${gongzu.mail.link-base:http://localhost:8080}") String linkBase,
            @Value("${gongzu.mail.templates-dir:}") String templatesDir,
            @Value("${gongzu.mail.max-attempts:16}") int maxAttempts,
            @Value("${gongzu.mail.backoff-initial:PT30S}") Duration backoffInitial,
            @Value("${gongzu.mail.backoff-max:PT30M}") Duration backoffMax,
            @Value("${gongzu.mail.lease:PT2M}") Duration lease,
            @Value("${gongzu.mail.batch-size:50}") int batchSize,
            @Value("${gongzu.mail.urge-interval:PT24H}") Duration urgeInterval,
            @Value("${gongzu.mail.digest-at:08:00}") String digestAt) {
        this.smtpHost = smtpHost;
        this.from = from;
        this.fromName = fromName;
        this.redirectTo = StringUtils.hasText(redirectTo) ? redirectTo.strip() : null;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        this.templatesDir = StringUtils.hasText(templatesDir) ? templatesDir : null;
        this.maxAttempts = maxAttempts;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.lease = lease;
        this.batchSize = batchSize;
        this.urgeInterval = urgeInterval;
        this.digestAt = LocalTime.parse(digestAt.strip());
    }

    boolean smtpConfigured() {
        return StringUtils.hasText(smtpHost);
    }

    /** The task in Tasklist. */
    String taskLink(String taskId) {
        return linkBase + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** The wait before attempt {@code attempt + 1}: the initial wait doubling per failed attempt, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = backoffInitial;
        for (int i = 1; i < failedAttempts && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
