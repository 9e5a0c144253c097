package org.gongzu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/** Compares a process backing class's element ids with its BPMN (docs/style.md). */
public final class BackingClass {

    private BackingClass() {
    }

    /** The constants of {@code elements} are exactly the flow node ids of processes/{key}.bpmn. */
    public static void listsEveryFlowNode(String processKey, Class<?> elements) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = BackingClass.class.getResourceAsStream("/processes/" + processKey + ".bpmn")) {
            assertThat(in).as("processes/" + processKey + ".bpmn").isNotNull();
            model = Bpmn.readModelFromStream(in);
        }
        Set<String> inModel = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toSet());
        Set<String> inClass = Arrays.stream(elements.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(BackingClass::value).collect(Collectors.toSet());
        assertThat(inClass).as(elements.getName()).isEqualTo(inModel);
        assertThat((Object) model.getModelElementById(processKey)).isNotNull();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
