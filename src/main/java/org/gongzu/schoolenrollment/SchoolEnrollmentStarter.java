package org.gongzu.schoolenrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.engine.SystemActions;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdEvents;
import org.gongzu.place.Place;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.Vars;
import org.gongzu.schoolenrollment.SchoolEnrollmentService.Level;
import org.gongzu.schoolenrollment.SchoolEnrollmentService.Opening;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens children's enrollments by message correlation on the household's case id: when a household
 * is registered in the community, when its members are corrected (a new child), and each year when
 * the school year opens. The enrollment's row is claimed first, so a child gets one enrollment per
 * school year however often, and on however many nodes, this runs.
 */
@Component
class SchoolEnrollmentStarter {

    private final SchoolEnrollmentService service;
    private final RuntimeService runtimeService;
    private final DecisionService decisionService;
    private final Clock clock;

    SchoolEnrollmentStarter(SchoolEnrollmentService service, RuntimeService runtimeService,
            DecisionService decisionService, Clock clock) {
        this.service = service;
        this.runtimeService = runtimeService;
        this.decisionService = decisionService;
        this.clock = clock;
    }

    @EventListener
    void householdRegistered(HouseholdEvents.Registered event) {
        service.openForHousehold(event.household(), event.members(), LocalDate.now(clock)).forEach(this::start);
    }

    /** A new child (or a corrected birth date) gets the enrollment the household's registration would have given. */
    @EventListener
    void membersChanged(HouseholdEvents.MembersChanged event) {
        service.openForHousehold(event.household(), event.members(), LocalDate.now(clock)).forEach(this::start);
    }

    /**
     * The school year opening on {@code day}: each child of a registered household whom the decision
     * covers at a level it has not been enrolled at (a toddler now three, a child now six or twelve).
     */
    void openSchoolYear(LocalDate day) {
        int year = service.calendarYear(day);
        for (SchoolEnrollmentService.Child child : service.childrenOfRegisteredHouseholds(year)) {
            int age = service.ageOn(child.member(), year);
            DmnDecisionResultEntries result = SystemActions.run(() -> decisionService
                    .evaluateDecisionByKey(SchoolEnrollmentProcess.ELIGIBILITY_DECISION)
                    .variables(Variables.createVariables().putValue(Vars.HUKOU, child.member().hukou().name())
                            .putValue(Vars.AGE, age))
                    .evaluate().getSingleResult());
            if (result != null && Boolean.TRUE.equals(result.getEntry("covered"))
                    && service.needsEnrollment(child.member().idNumber(), Level.valueOf(result.getEntry("level")))) {
                service.claim(child.household(), child.member(), year, age).ifPresent(this::start);
            }
        }
    }

    private void start(Opening opening) {
        Household household = opening.household();
        Map<String, Object> variables = Variables.createVariables()
                .putValue(Vars.CASE_ID, household.caseId())
                .putValue(Vars.PROJECT_ID, household.projectId())
                .putValue(CaseVariables.DISTRICT, Place.districtOf(household.subDistrictCode()))
                .putValue(CaseVariables.SUB_DISTRICT, household.subDistrictCode())
                .putValue(Vars.SUBJECT, opening.subject())
                .putValue(Vars.ENROLLMENT_ID, opening.enrollmentId())
                .putValue(Vars.SCHOOL_YEAR, opening.schoolYear())
                .putValue(Vars.HUKOU, opening.hukou())
                .putValue(Vars.AGE, opening.age());
        ProcessInstance instance = SystemActions.run(() -> runtimeService
                .createMessageCorrelation(SchoolEnrollmentProcess.OPENED_MESSAGE)
                .processInstanceBusinessKey(household.caseId()).setVariables(variables).correlateStartMessage());
        service.started(opening.enrollmentId(), instance.getId());
    }
}
