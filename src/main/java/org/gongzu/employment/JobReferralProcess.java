package org.gongzu.employment;

import java.util.Set;

import org.gongzu.casefile.CaseVariables;

/**
 * The process backing class of processes/JobReferral.bpmn: a community job opening (clause 7
 * paragraph 3), whose id is the business key, and the priority recommendation of registered
 * unemployed tenants for it.
 */
public final class JobReferralProcess {

    public static final String KEY = "JobReferral";
    public static final String MESSAGE_POSTED = "JobReferral_JobOpeningPosted";

    public static final class Elements {
        public static final String START = "StartEvent_JobOpeningPosted";
        public static final String RECOMMEND = "Task_RecommendTenants";
        public static final String END = "EndEvent_RecommendationsRecorded";

        private Elements() {
        }
    }

    public static final class Vars {
        /** The job opening's id, e.g. JO-2026-000001: the case of this process. */
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        public static final String SUBJECT = CaseVariables.SUBJECT;
        public static final String OUTCOME = CaseVariables.OUTCOME;
        public static final Set<String> STARTED_WITH = Set.of(CASE_ID, DISTRICT, SUB_DISTRICT, SUBJECT);
        public static final Set<String> ALL = Set.of(CASE_ID, DISTRICT, SUB_DISTRICT, SUBJECT, OUTCOME);

        private Vars() {
        }
    }

    /** The body of POST /api/job-openings. */
    public static final class OpeningFields {
        public static final String SUB_DISTRICT = "subDistrictCode";
        public static final String EMPLOYER = "employer";
        public static final String TITLE = "title";
        public static final String POSITIONS = "positions";
        public static final String REQUIREMENTS = "requirements";
        public static final Set<String> ALL = Set.of(SUB_DISTRICT, EMPLOYER, TITLE, POSITIONS, REQUIREMENTS);

        private OpeningFields() {
        }
    }

    /** forms/job-referral-recommendation.form */
    public static final class RecommendationForm {
        /** Task-local: the job opening in words. */
        public static final String JOB_OPENING = "jobOpening";
        /** Task-local: the numbered list of registered unemployed tenants (names, masked ID numbers). */
        public static final String CANDIDATES = "candidateList";
        public static final String RECOMMENDED = "recommendedNumbers";
        public static final String NOTE = "note";
        public static final Set<String> SUBMITTED = Set.of(RECOMMENDED, NOTE);
        public static final Set<String> ALL = Set.of(JOB_OPENING, CANDIDATES, RECOMMENDED, NOTE);

        private RecommendationForm() {
        }
    }

    private JobReferralProcess() {
    }
}
