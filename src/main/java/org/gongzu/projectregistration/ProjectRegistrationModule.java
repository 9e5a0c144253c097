package org.gongzu.projectregistration;

import java.util.Map;
import java.util.Set;

import org.gongzu.identity.Department;
import org.gongzu.process.ProcessModule;
import org.gongzu.project.ProjectService.RegistrationForm;
import org.springframework.stereotype.Component;

/** Registers ProjectRegistration with the shared code. A project holds no personal data. */
@Component
class ProjectRegistrationModule implements ProcessModule {

    @Override
    public String processKey() {
        return ProjectRegistrationProcess.KEY;
    }

    /** The district housing department registers the projects of its district (clause 4). */
    @Override
    public Set<Department> starters() {
        return Set.of(Department.HOUSING);
    }

    @Override
    public Set<String> processVariables() {
        return ProjectRegistrationProcess.Vars.ALL;
    }

    @Override
    public Map<String, Set<String>> formFields() {
        return Map.of(ProjectRegistrationProcess.Elements.START, RegistrationForm.ALL);
    }
}
