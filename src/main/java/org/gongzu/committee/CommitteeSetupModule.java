package org.gongzu.committee;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.gongzu.committee.CommitteeSetupProcess.ElectionForm;
import org.gongzu.committee.CommitteeSetupProcess.Elements;
import org.gongzu.committee.CommitteeSetupProcess.StageForm;
import org.gongzu.committee.CommitteeSetupProcess.SupervisionForm;
import org.gongzu.committee.CommitteeSetupProcess.Vars;
import org.gongzu.identity.Department;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/** Registers CommitteeSetup with the shared code. */
@Component
class CommitteeSetupModule implements ProcessModule {

    @Override
    public String processKey() {
        return CommitteeSetupProcess.KEY;
    }

    /** Nobody: the project's first registered household starts it, once. */
    @Override
    public Set<Department> starters() {
        return Set.of();
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        Map<String, Set<String>> fields = new HashMap<>();
        fields.put(Elements.START, Vars.STARTED_WITH);
        CommitteeSetupProcess.STAGES.forEach(stage -> fields.put(stage.taskId(), StageForm.ALL));
        fields.put(Elements.ELECTION, ElectionForm.ALL);
        fields.put(Elements.SUPERVISE_LATE_STAGE, SupervisionForm.ALL);
        return Map.copyOf(fields);
    }

    /** The voter roll lives in its own table, by member id; no form carries personal data. */
    @Override
    public Set<String> personalDataFields() {
        return Set.of();
    }
}
