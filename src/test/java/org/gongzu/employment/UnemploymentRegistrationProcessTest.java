package org.gongzu.employment;

import org.gongzu.support.BackingClass;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class UnemploymentRegistrationProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(UnemploymentRegistrationProcess.KEY, UnemploymentRegistrationProcess.Elements.class);
    }
}
