package org.gongzu.facilityhandover;

import org.gongzu.support.BackingClass;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class FacilityHandoverProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(FacilityHandoverProcess.KEY, FacilityHandoverProcess.Elements.class);
    }
}
