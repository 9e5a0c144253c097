package org.gongzu.targetbreach;

import java.util.Map;
import java.util.Set;

import org.gongzu.process.ProcessModule;
import org.gongzu.targetbreach.TargetBreachProcess.Elements;
import org.gongzu.targetbreach.TargetBreachProcess.ReviewForm;
import org.gongzu.targetbreach.TargetBreachProcess.Vars;
import org.springframework.stereotype.Component;

/** Registers TargetBreach: started by the monitoring's target check, never by hand. */
@Component
class TargetBreachModule implements ProcessModule {

    @Override
    public String processKey() {
        return TargetBreachProcess.KEY;
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(Elements.START, Vars.STARTED_WITH, Elements.REVIEW, ReviewForm.ALL);
    }
}
