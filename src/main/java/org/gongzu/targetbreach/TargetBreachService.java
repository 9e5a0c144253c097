package org.gongzu.targetbreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.targetbreach.TargetBreachProcess.ReviewForm;
import org.gongzu.validation.Fields;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the district's supervisors do about a breached target: recorded with the breach and in its journal. */
@Service
@Transactional
public class TargetBreachService {

    private final JdbcTemplate jdbc;
    private final CaseJournal journal;
    private final Clock clock;

    TargetBreachService(JdbcTemplate jdbc, CaseJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.clock = clock;
    }

    public static String caseId(long breachId) {
        return "MB-" + breachId;
    }

    public void opened(long breachId, String description) {
        journal.record(caseId(breachId), "TARGET_BREACHED", null, description);
    }

    /** Answers the outcome recorded. */
    public String reviewed(long breachId, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        String measures = fields.requiredNote(ReviewForm.MEASURES, "采取的措施", 2000);
        fields.check();
        jdbc.update("update monitoring_breach set response = ?, responded_by = ? where id = ?", measures, userId, breachId);
        journal.record(caseId(breachId), "TARGET_BREACH_REVIEWED", userId, measures);
        return "已处理：" + measures;
    }
}
