package org.gongzu.movein;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/** The backing class names every element of the BPMN, and nothing the BPMN does not have. */
class TenantMoveInProcessTest {

    @Test
    void backingClassListsEveryFlowNodeOfTheModel() throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/processes/TenantMoveIn.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        Set<String> inModel = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toSet());
        Set<String> inClass = Arrays.stream(TenantMoveInProcess.Elements.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(TenantMoveInProcessTest::value).collect(Collectors.toSet());
        assertThat(inClass).isEqualTo(inModel);
        assertThat((Object) model.getModelElementById(TenantMoveInProcess.KEY)).isNotNull();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
