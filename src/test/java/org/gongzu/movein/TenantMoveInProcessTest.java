package org.gongzu.movein;

import org.gongzu.support.BackingClass;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class TenantMoveInProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(TenantMoveInProcess.KEY, TenantMoveInProcess.Elements.class);
    }
}
