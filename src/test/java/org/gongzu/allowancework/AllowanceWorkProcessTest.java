package org.gongzu.allowancework;

import org.gongzu.support.BackingClass;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class AllowanceWorkProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(AllowanceWorkProcess.KEY, AllowanceWorkProcess.Elements.class);
    }
}
