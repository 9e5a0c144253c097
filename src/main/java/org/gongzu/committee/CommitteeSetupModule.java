package org.gongzu.committee;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.gongzu.committee.CommitteeSetupProcess.ElectionForm;
import org.gongzu.committee.CommitteeSetupProcess.Elements;
import org.gongzu.committee.CommitteeSetupProcess.StageForm;
import org.gongzu.committee.CommitteeSetupProcess.SupervisionForm;
import org.gongzu.committee.CommitteeSetupProcess.Vars;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/**
 * Registers CommitteeSetup with the shared code. Nobody starts it by hand: the project's first
 * registered household does, once. No form carries personal data (the voter roll is by member id).
 */
@Component
class CommitteeSetupModule implements ProcessModule {

    @Override
    public String processKey() {
        return CommitteeSetupProcess.KEY;
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
}
