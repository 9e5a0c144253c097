package org.gongzu.projectregistration;

import java.util.Set;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.project.Project;

/** The process backing class of processes/ProjectRegistration.bpmn: its key, element ids and variables. */
public final class ProjectRegistrationProcess {

    public static final String KEY = "ProjectRegistration";

    public static final class Elements {
        public static final String START = "StartEvent_ProjectRegistered";
        public static final String END = "EndEvent_ProjectRegistered";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = Project.PROJECT_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        public static final Set<String> ALL = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT);

        private Vars() {
        }
    }

    private ProjectRegistrationProcess() {
    }
}
