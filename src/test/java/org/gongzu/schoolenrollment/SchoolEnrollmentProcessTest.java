package org.gongzu.schoolenrollment;

import org.gongzu.support.BackingClass;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class SchoolEnrollmentProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(SchoolEnrollmentProcess.KEY, SchoolEnrollmentProcess.Elements.class);
    }
}
