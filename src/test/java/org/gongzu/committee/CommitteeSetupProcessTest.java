package org.gongzu.committee;

import org.gongzu.support.BackingClass;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class CommitteeSetupProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BackingClass.listsEveryFlowNode(CommitteeSetupProcess.KEY, CommitteeSetupProcess.Elements.class);
    }
}
