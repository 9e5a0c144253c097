package org.gongzu.allowancework;

import java.util.Map;
import java.util.Set;

import org.gongzu.allowancework.AllowanceWorkProcess.ArrangeForm;
import org.gongzu.allowancework.AllowanceWorkProcess.ConfirmForm;
import org.gongzu.allowancework.AllowanceWorkProcess.Elements;
import org.gongzu.allowancework.AllowanceWorkProcess.HoursForm;
import org.gongzu.allowancework.AllowanceWorkProcess.Vars;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/**
 * Registers AllowanceWork with the shared code. Nobody starts it by hand: a household with a member
 * on the allowance does, when registered or corrected. Its forms show members' names, task-local only.
 */
@Component
class AllowanceWorkModule implements ProcessModule {

    @Override
    public String processKey() {
        return AllowanceWorkProcess.KEY;
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(Elements.START, Vars.STARTED_WITH,
                Elements.ARRANGE, ArrangeForm.ALL,
                Elements.RECORD_HOURS, HoursForm.ALL,
                Elements.CONFIRM_HOURS, ConfirmForm.ALL);
    }

    @Override
    public Set<String> personalDataFields() {
        return AllowanceWorkProcess.PERSONAL_DATA_FIELDS;
    }
}
