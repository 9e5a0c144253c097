package org.gongzu.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The journal of a case: who did what and when, in words staff read. Every process and the shared
 * engine rules (e.g. task hand-overs) write to it; entries are never changed.
 */
@Repository
public class CaseJournal {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseJournal(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds an entry; {@code step} is a code such as {@code HANDOVER}, {@code userId} null when the system acts. */
    public void record(String caseId, String step, String userId, String entry) {
        jdbc.update("insert into case_journal (case_id, step, user_id, entry, recorded_at) values (?, ?, ?, ?, ?)",
                caseId, step, userId, entry, Timestamp.valueOf(LocalDateTime.now(clock)));
    }

    /** The case's entries, oldest first. */
    public List<Map<String, Object>> entries(String caseId) {
        return jdbc.queryForList("select step, user_id, entry, recorded_at from case_journal where case_id = ?"
                + " order by id", caseId);
    }
}
