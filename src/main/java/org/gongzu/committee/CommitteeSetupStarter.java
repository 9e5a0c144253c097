package org.gongzu.committee;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.gongzu.committee.CommitteeSetupProcess.Vars;
import org.gongzu.engine.SystemActions;
import org.gongzu.project.Project;
import org.gongzu.project.ProjectEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts CommitteeSetup when a project's first household is registered in the community. The
 * project's case claims that moment once (ProjectService), so the setup starts once per project
 * however many households finish together, on however many nodes.
 */
@Component
class CommitteeSetupStarter {

    private final RuntimeService runtimeService;

    CommitteeSetupStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void firstHouseholdRegistered(ProjectEvents.FirstHouseholdRegistered event) {
        Project project = event.project();
        SystemActions.run(() -> runtimeService.startProcessInstanceByKey(CommitteeSetupProcess.KEY, project.id(),
                Variables.fromMap(project.caseVariables())
                        .putValue(Vars.STARTED_ON, event.registeredOn().toString())));
    }
}
