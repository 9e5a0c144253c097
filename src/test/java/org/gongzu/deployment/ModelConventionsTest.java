package org.gongzu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conventions every model in processes/ keeps (docs/style.md), checked on the files themselves. */
class ModelConventionsTest {

    static Stream<Path> bpmnFiles() throws IOException {
        return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn"));
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void idsReadAndFileIsNamedAfterTheProcess(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null) {
                assertThat(element.getId()).as("generated id in " + file)
                        .doesNotMatch("(Activity|Gateway|Event|Flow|StartEvent|EndEvent)_[0-9a-z]{7}");
            }
        }
        assertThat(Files.readString(file)).doesNotContain("camunda:class=");
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyUserTaskAndStartEventHasItsChineseFormDeployedWithIt(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> formRefs = Stream.concat(
                model.getModelElementsByType(UserTask.class).stream().map(t -> {
                    assertThat(t.getName()).as(t.getId()).matches(".*\\p{IsHan}.*");
                    assertThat(t.getCamundaFormRefBinding()).as(t.getId()).isEqualTo("deployment");
                    return t.getCamundaFormRef();
                }),
                // processes the system starts (a facility handover, the committee setup) have no start form
                model.getModelElementsByType(StartEvent.class).stream()
                        .filter(e -> e.getParentElement() instanceof Process).map(StartEvent::getCamundaFormRef)
                        .filter(java.util.Objects::nonNull))
                .toList();
        assertThat(formRefs).isNotEmpty().doesNotContainNull();
        for (String formRef : formRefs) {
            Path form = Path.of("forms", formRef + ".form");
            assertThat(form).as(formRef).exists();
            assertThat(Files.readString(form)).contains("\"id\": \"" + formRef + "\"").containsPattern("\\p{IsHan}");
        }
    }
}
