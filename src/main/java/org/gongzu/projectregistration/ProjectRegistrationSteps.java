package org.gongzu.projectregistration;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongzu.engine.StepInput;
import org.gongzu.project.Project;
import org.gongzu.project.ProjectService;
import org.gongzu.project.ProjectService.RegistrationForm;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/** The listener of processes/ProjectRegistration.bpmn: {@code ${projectRegistrationSteps.register(execution)}}. */
@Component
@ModelBean
public class ProjectRegistrationSteps {

    private final ProjectService projects;

    ProjectRegistrationSteps(ProjectService projects) {
        this.projects = projects;
    }

    /** Start event: the form registers the project, whose id becomes the business key of its case. */
    public void register(DelegateExecution execution) {
        Project project = refusingInvalid(() -> projects.register(values(execution, RegistrationForm.ALL),
                StepInput.currentGroupIds(), StepInput.currentUserId()));
        discard(execution, RegistrationForm.ALL);
        execution.setProcessBusinessKey(project.id());
        execution.setVariables(project.caseVariables());
    }
}
