package org.gongzu.employment;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.gongzu.casefile.DocumentKind;
import org.gongzu.deadline.LateStepEscalation;
import org.gongzu.employment.UnemploymentRegistrationProcess.ApplicationForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.Elements;
import org.gongzu.employment.UnemploymentRegistrationProcess.FollowUpForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.RegistrationForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.Vars;
import org.gongzu.identity.Department;
import org.gongzu.process.ProcessModule;
import org.springframework.stereotype.Component;

/**
 * Registers UnemploymentRegistration with the shared code. A household event starts it for a
 * member who became unemployed; the sub-district's social security office starts it for a member
 * who asks. The member's ID number (start form) and the member shown on the tasks are personal data.
 */
@Component
class UnemploymentRegistrationModule implements ProcessModule {

    @Override
    public String processKey() {
        return UnemploymentRegistrationProcess.KEY;
    }

    /** The social security office of the household's sub-district registers members who ask (clause 7). */
    @Override
    public Set<Department> starters() {
        return Set.of(Department.SOCIAL_SECURITY_OFFICE);
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(Elements.START_MEMBER_UNEMPLOYED, Vars.STARTED_WITH,
                Elements.START_REQUESTED, ApplicationForm.ALL,
                Elements.REGISTER, withMemberShown(RegistrationForm.ALL),
                Elements.FOLLOW_UP, withMemberShown(FollowUpForm.ALL),
                Elements.HANDLE_LATE_REGISTRATION, LateStepEscalation.FORM_FIELDS);
    }

    /** The member registers with the lease contract of the rented home on the case (clause 7). */
    @Override
    public Map<String, Set<DocumentKind>> requiredDocuments() {
        return Map.of(Elements.REGISTER, Set.of(DocumentKind.LEASE_CONTRACT));
    }

    @Override
    public Set<String> personalDataFields() {
        return Set.of(ApplicationForm.MEMBER_ID_NUMBER, UnemploymentRegistrationProcess.MEMBER_SHOWN);
    }

    private static Set<String> withMemberShown(Set<String> formFields) {
        Set<String> fields = new HashSet<>(formFields);
        fields.add(UnemploymentRegistrationProcess.MEMBER_SHOWN);
        return Set.copyOf(fields);
    }
}
