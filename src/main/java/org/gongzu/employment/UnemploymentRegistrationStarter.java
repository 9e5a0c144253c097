package org.gongzu.employment;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.employment.UnemploymentRegistrationProcess.Messages;
import org.gongzu.employment.UnemploymentRegistrationProcess.Vars;
import org.gongzu.employment.UnemploymentRegistrationService.Claimed;
import org.gongzu.engine.SystemActions;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdEvents;
import org.gongzu.household.Member;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a member's UnemploymentRegistration when the household's members are registered with the
 * member unemployed (the claim in {@link UnemploymentRegistrationService} makes it once while one is
 * open), and closes an open one when a correction registers the member as employed. Runs in the
 * transaction of the step that registered the members; the start event is a save point, so what
 * follows it never fails that step.
 */
@Component
class UnemploymentRegistrationStarter {

    private final UnemploymentRegistrationService service;
    private final RuntimeService runtimeService;

    UnemploymentRegistrationStarter(UnemploymentRegistrationService service, RuntimeService runtimeService) {
        this.service = service;
        this.runtimeService = runtimeService;
    }

    @EventListener
    void registered(HouseholdEvents.Registered event) {
        membersRegistered(event.household(), event.members());
    }

    @EventListener
    void membersChanged(HouseholdEvents.MembersChanged event) {
        membersRegistered(event.household(), event.members());
    }

    private void membersRegistered(Household household, List<Member> members) {
        UnemploymentRegistrationService.MemberChanges changes = service.membersRegistered(household, members);
        // the step that registered the members was checked; these processes are the system's consequence
        SystemActions.run(() -> {
            changes.started().forEach(this::start);
            changes.employedInstances().forEach(instance -> runtimeService
                    .createMessageCorrelation(Messages.MEMBER_EMPLOYED).processInstanceId(instance).correlateWithResult());
        });
    }

    private void start(Claimed claimed) {
        runtimeService.createMessageCorrelation(Messages.MEMBER_UNEMPLOYED).processInstanceBusinessKey(claimed.caseId())
                .setVariables(Variables.createVariables()
                        .putValue(Vars.CASE_ID, claimed.caseId())
                        .putValue(Vars.PROJECT_ID, claimed.projectId())
                        .putValue(Vars.DISTRICT, claimed.districtCode())
                        .putValue(Vars.SUB_DISTRICT, claimed.subDistrictCode())
                        .putValue(Vars.REGISTRATION_ID, claimed.registrationId())
                        .putValue(Vars.SUBJECT, claimed.subject()))
                .correlateStartMessage();
    }
}
