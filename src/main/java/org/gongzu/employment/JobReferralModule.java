package org.gongzu.employment;

import java.util.Map;
import java.util.Set;

import org.gongzu.employment.JobReferralProcess.Elements;
import org.gongzu.employment.JobReferralProcess.RecommendationForm;
import org.gongzu.employment.JobReferralProcess.Vars;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/**
 * Registers JobReferral with the shared code. Nobody starts it in Tasklist: a job opening posted to
 * POST /api/job-openings does. The candidate list on the recommendation task carries names.
 */
@Component
class JobReferralModule implements ProcessModule {

    @Override
    public String processKey() {
        return JobReferralProcess.KEY;
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(Elements.START, Vars.STARTED_WITH, Elements.RECOMMEND, RecommendationForm.ALL);
    }

    @Override
    public Set<String> personalDataFields() {
        return Set.of(RecommendationForm.CANDIDATES);
    }
}
