package org.gongzu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.gongzu.modeling.ModelChecks;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every model of processes/ and forms/ passes the checks every deployment passes (ModelChecks,
 * docs/adr/0022), and each file is named after its process or decision (docs/style.md).
 */
@GongzuTest
class ModelConventionsTest {

    @Autowired ModelChecks checks;

    static Stream<Path> models() throws IOException {
        return Stream.concat(Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms"))),
                Files.list(Path.of("src/test/resources/earlier-versions/tenant-move-in-6")))
                .filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn") || p.toString().endsWith(".form"))
                .sorted();
    }

    static Stream<Path> processesAndDecisions() throws IOException {
        return Files.list(Path.of("processes")).sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void passesTheModelChecksWithTheFormsBesideIt(Path file) throws IOException {
        // a process is deployed with the forms of forms/ (its own version's forms beside it for an earlier version)
        Map<String, byte[]> forms = new LinkedHashMap<>();
        for (Path folder : new Path[] {Path.of("forms"), file.getParent()}) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                    forms.put(form.getFileName().toString(), Files.readAllBytes(form));
                }
            }
        }
        forms.remove(file.getFileName().toString());
        assertThat(checks.check(file.getFileName().toString(), Files.readAllBytes(file), forms)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processesAndDecisions")
    void isNamedAfterItsProcessOrDecision(Path file) {
        String name = file.getFileName().toString();
        String id = name.endsWith(".bpmn")
                ? Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).iterator().next().getId()
                : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).iterator().next().getId();
        assertThat(name).isEqualTo(id + name.substring(name.lastIndexOf('.')));
    }
}
