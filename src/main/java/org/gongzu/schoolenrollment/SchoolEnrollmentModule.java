package org.gongzu.schoolenrollment;

import java.util.Map;
import java.util.Set;

import org.gongzu.casefile.DocumentKind;
import org.gongzu.deadline.LateStepEscalation;
import org.gongzu.process.ProcessModule;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.ApplicationForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.AssignmentForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.Elements;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.PlaceForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.SchoolView;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.Vars;
import org.springframework.stereotype.Component;

/**
 * Registers SchoolEnrollment with the shared code. Nobody starts it by hand: a household's
 * registration, a correction of its members and the yearly opening do. The school's step shows the
 * child and the guardian, which never reach history.
 */
@Component
class SchoolEnrollmentModule implements ProcessModule {

    @Override
    public String processKey() {
        return SchoolEnrollmentProcess.KEY;
    }

    @Override
    public Set<String> processVariables() {
        return Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(Elements.START, Vars.STARTED_WITH,
                Elements.CONFIRM_APPLICATION, ApplicationForm.ALL,
                Elements.ASSIGN_SCHOOL, AssignmentForm.ALL,
                Elements.CONFIRM_PLACE, PlaceForm.ALL,
                Elements.HANDLE_LATE_ASSIGNMENT, LateStepEscalation.FORM_FIELDS);
    }

    @Override
    public Map<String, Set<DocumentKind>> requiredDocuments() {
        // clause 9: the parents apply with the lease contract (attached to the case at move-in)
        return Map.of(Elements.CONFIRM_APPLICATION, Set.of(DocumentKind.LEASE_CONTRACT));
    }

    @Override
    public Set<String> personalDataFields() {
        return java.util.stream.Stream.concat(SchoolView.ALL.stream(),
                        java.util.stream.Stream.of(ApplicationForm.GUARDIAN_NAME, ApplicationForm.GUARDIAN_PHONE))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
