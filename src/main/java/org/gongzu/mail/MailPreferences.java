package org.gongzu.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Whether a user takes their mail at once (the default) or in one digest a day. */
@Repository
class MailPreferences {

    enum Mode { IMMEDIATE, DIGEST }

    private final JdbcTemplate jdbc;

    MailPreferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Mode of(String userId) {
        return jdbc.queryForList("select mode from mail_preference where user_id = ?", String.class, userId).stream()
                .findFirst().map(Mode::valueOf).orElse(Mode.IMMEDIATE);
    }

    /** Those of these users who chose the digest. */
    Set<String> digestUsers(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(", ", userIds.stream().map(u -> "?").toList());
        return new HashSet<>(jdbc.queryForList("select user_id from mail_preference where mode = 'DIGEST' and user_id in ("
                + marks + ")", String.class, userIds.toArray()));
    }

    @Transactional
    public void set(String userId, Mode mode, Instant now) {
        if (jdbc.update("update mail_preference set mode = ?, updated_at = ? where user_id = ?", mode.name(),
                Timestamp.from(now), userId) == 0) {
            jdbc.update("insert into mail_preference (user_id, mode, updated_at) values (?, ?, ?)", userId, mode.name(),
                    Timestamp.from(now));
        }
    }
}
