package org.gongzu.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.validation.Fields;
import org.springframework.stereotype.Component;

/** What the escalation of a late step writes on the case. */
@Component
class LateStepEscalationService {

    private final CaseJournal journal;
    private final Clock clock;

    LateStepEscalationService(CaseJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    void escalated(String caseId, String description) {
        journal.record(caseId, LateStepEscalation.ESCALATED, null, "超期提请处理：" + description);
    }

    void decided(String caseId, String description, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        LateStepEscalation.Decision decision = fields.choice(LateStepEscalation.DECISION, "处理决定",
                LateStepEscalation.Decision.class);
        String note = fields.requiredNote(LateStepEscalation.NOTE, "处理意见", 2000);
        fields.check();
        journal.record(caseId, LateStepEscalation.DECIDED, userId,
                "超期处理（" + decision.words() + "）：" + description + note);
    }
}
