package org.gongzu.projectregistration;

import org.gongzu.support.BackingClass;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class ProjectRegistrationProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(ProjectRegistrationProcess.KEY, ProjectRegistrationProcess.Elements.class);
    }
}
