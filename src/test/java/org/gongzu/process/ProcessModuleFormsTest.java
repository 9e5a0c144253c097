package org.gongzu.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each module declares what its forms may submit (FormSubmissionGuard refuses anything else): the
 * declaration must cover every field of the form the step really shows, or staff could not submit it.
 */
@GongzuTest
class ProcessModuleFormsTest {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    @Autowired List<ProcessModule> modules;

    @Test
    void everyModuleDeclaresEveryFieldOfTheFormsItsStepsShow() throws IOException {
        assertThat(modules).isNotEmpty();
        for (ProcessModule module : modules) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", module.processKey() + ".bpmn").toFile());
            int forms = 0;
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String formRef = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
                if (formRef == null) {
                    continue;
                }
                forms++;
                Set<String> declared = module.formFields().getOrDefault(node.getId(), Set.of());
                assertThat(declared).as(module.processKey() + " " + node.getId() + " (" + formRef + ")")
                        .containsAll(submittedKeys(Path.of("forms", formRef + ".form")));
            }
            assertThat(forms).as(module.processKey() + " has forms").isPositive();
            // people start a process through its start form; a process only the system starts has none
            boolean startForm = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
                    .filter(e -> e.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                    .anyMatch(e -> e.getCamundaFormRef() != null);
            assertThat(startForm).as(module.processKey() + " has a start form exactly when people start it")
                    .isEqualTo(!module.starters().isEmpty());
        }
    }

    /** The top-level variables form-js submits: field keys, and the path of a group that has one. */
    private static List<String> submittedKeys(Path form) throws IOException {
        List<String> keys = new ArrayList<>();
        collect(new ObjectMapper().readTree(Files.readString(form)).path("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, List<String> keys) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (type.equals("group") || type.equals("dynamiclist")) {
                if (component.hasNonNull("path")) {
                    keys.add(component.get("path").asText());
                } else {
                    collect(component.path("components"), keys);
                }
            } else if (component.hasNonNull("key") && !Set.of("text", "html", "image", "spacer", "separator", "button")
                    .contains(type)) {
                keys.add(component.get("key").asText());
            }
        }
    }
}
