package org.gongzu.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The journal serves every case, a project's or a manager's new process's as much as a household's. */
@GongzuTest
class CaseJournalTest {

    @Autowired CaseJournal journal;

    @Test
    void aCaseThatIsNoHouseholdIsJournalledToo() {
        journal.record("PRJ-2026-000001", "HANDOVER", "hdsdo", "「设施移交」由hdsdo转交hdsdo2");
        assertThat(journal.entries("PRJ-2026-000001")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("step", "HANDOVER").containsEntry("user_id", "hdsdo"));
    }
}
