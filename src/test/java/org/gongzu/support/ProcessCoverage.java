package org.gongzu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process coverage per process, with the coverage library's own counting and assertion. The
 * library's listener reads its properties from the shared context before each test class; this
 * listener runs just before it and makes those properties the class's own: a {@link CoverageOf}
 * class has every other process excluded and its coverage asserted at {@link #MINIMUM}; any other
 * class is left out. After the class it prints the library's figures, flow nodes and sequence flows.
 */
public class ProcessCoverage implements TestExecutionListener, Ordered {

    public static final double MINIMUM = 0.9;
    private static final Path REPORTS = Path.of("target", "process-test-coverage");

    /** The class whose properties the library is about to read (test classes run one at a time). */
    private static volatile Class<?> current;
    /** Takes the engine's coverage events while no covered class runs. */
    private static final DefaultCollector OUTSIDE = outsideCollector();

    @Override
    public int getOrder() {
        // before the library's listener (Integer.MAX_VALUE) on the way in, after it on the way out
        return Integer.MAX_VALUE - 1000;
    }

    @Override
    public void beforeTestClass(TestContext context) {
        current = context.getTestClass();
        if (!context.getTestClass().isAnnotationPresent(CoverageOf.class)
                && context.getApplicationContext().getBeanNamesForType(ProcessEngine.class).length > 0) {
            // the library leaves excluded classes to the previous class's collector, or none at all
            new ProcessEngineAdapter(context.getApplicationContext().getBean(ProcessEngine.class), OUTSIDE)
                    .initializeListeners();
        }
    }

    @Override
    public void afterTestClass(TestContext context) throws IOException {
        CoverageOf coverageOf = context.getTestClass().getAnnotation(CoverageOf.class);
        if (coverageOf != null) {
            System.out.println(summary(coverageOf.value(), context.getTestClass().getName()));
        }
    }

    /** The properties the library reads for the current class. */
    @Configuration(proxyBeanMethods = false)
    public static class Properties {

        @Bean
        @Primary
        @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
        ProcessEngineCoverageProperties gongzuCoverageProperties(RepositoryService repositoryService) {
            Class<?> testClass = current;
            CoverageOf coverageOf = testClass == null ? null : testClass.getAnnotation(CoverageOf.class);
            if (coverageOf == null) {
                // matches no class name: the library leaves the class out
                return ProcessEngineCoverageProperties.builder().addInclusionPatternForTestClasses("-")
                        .handleTestMethodCoverage(false).build();
            }
            Set<String> others = repositoryService.createProcessDefinitionQuery().list().stream()
                    .map(ProcessDefinition::getKey).filter(key -> !key.equals(coverageOf.value()))
                    .collect(Collectors.toCollection(HashSet::new));
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(MINIMUM)
                    .excludeProcessDefinitionKeys(others.toArray(String[]::new)).handleTestMethodCoverage(false)
                    .build();
        }
    }

    /** The library's figures for one process of one class, from the report it wrote. */
    static String summary(String processKey, String suiteId) throws IOException {
        Path report = REPORTS.resolve(suiteId).resolve("report.json");
        if (!Files.exists(report)) {
            return processKey + " coverage: no report at " + report;
        }
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        JsonNode model = null;
        for (JsonNode candidate : root.path("models")) {
            if (processKey.equals(candidate.path("key").asText())) {
                model = candidate;
            }
        }
        if (model == null) {
            return processKey + " coverage: the process was not run";
        }
        BpmnModelInstance bpmn = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
                model.path("xml").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Set<FlowNode> nodes = bpmn.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> inProcess(node, processKey)).collect(Collectors.toSet());
        Set<String> nodeIds = nodes.stream().map(FlowNode::getId).collect(Collectors.toSet());
        Set<String> flowIds = bpmn.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> nodes.contains(flow.getSource())).map(SequenceFlow::getId).collect(Collectors.toSet());
        Set<String> covered = new HashSet<>();
        for (JsonNode suite : root.path("suites")) {
            for (JsonNode run : suite.path("runs")) {
                for (JsonNode event : run.path("events")) {
                    if (processKey.equals(event.path("modelKey").asText())) {
                        covered.add(event.path("definitionKey").asText());
                    }
                }
            }
        }
        long coveredNodes = nodeIds.stream().filter(covered::contains).count();
        long coveredFlows = flowIds.stream().filter(covered::contains).count();
        double total = (double) (coveredNodes + coveredFlows) / (nodeIds.size() + flowIds.size());
        List<String> missed = java.util.stream.Stream.concat(nodeIds.stream(), flowIds.stream())
                .filter(id -> !covered.contains(id)).sorted().toList();
        return String.format("%s coverage: flow nodes %d/%d, sequence flows %d/%d, together %.1f %% (at least %.0f %%,"
                + " asserted by the coverage library)%s", processKey, coveredNodes, nodeIds.size(), coveredFlows,
                flowIds.size(), total * 100, MINIMUM * 100, missed.isEmpty() ? "" : "; not reached: " + missed);
    }

    private static boolean inProcess(ModelElementInstance element, String processKey) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof Process process) {
                return process.getId().equals(processKey);
            }
        }
        return false;
    }

    private static DefaultCollector outsideCollector() {
        DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());
        collector.createSuite(new Suite("outside", "outside covered classes"));
        collector.activateSuite("outside");
        collector.createRun(new Run("outside", "outside covered classes"), "outside");
        collector.activateRun("outside");
        return collector;
    }
}
