package org.gongzu.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.gongzu.routing.TaskRoutingListener;
import org.springframework.stereotype.Component;

/**
 * The checks every model passes before it is deployed (docs/adr/0022), whoever deploys it: the
 * editor shows the problems next to the elements, and the engine refuses a deployment with any
 * ({@link ModelRefusedException}). Checks BPMN, DMN and Camunda Form files; other files pass.
 */
@Component
public class ModelChecks {

    private final BpmnChecks bpmn;
    private final DmnChecks dmn;
    private final EngineAccess engine;
    private volatile LatestRouting latestRouting;

    private record LatestRouting(String decisionId, RoutingTable table) {
    }

    ModelChecks(AllowedBeans beans, EngineAccess engine) {
        ExpressionRule expressions = new ExpressionRule(beans);
        this.bpmn = new BpmnChecks(expressions, engine);
        this.dmn = new DmnChecks(expressions, engine);
        this.engine = engine;
    }

    /**
     * The problems of one file; {@code otherResources} are the other files of its deployment (the
     * forms a BPMN names, a TaskRouting.dmn deployed with it), by file name.
     */
    public List<ModelProblem> check(String fileName, byte[] content, Map<String, byte[]> otherResources) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return bpmn.check(fileName, content, formIds(otherResources), routing(otherResources));
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return dmn.check(fileName, content);
        }
        if (name.endsWith(".form")) {
            return FormChecks.check(fileName, content);
        }
        if (name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml") || name.endsWith(".cmmn10.xml")) {
            return List.of(new ModelProblem(fileName, null, "本系统不部署 CMMN 案例模型"));
        }
        return List.of();
    }

    public List<ModelProblem> check(String fileName, byte[] content) {
        return check(fileName, content, Map.of());
    }

    /** The problems of all files of one deployment, each checked with the others. */
    public List<ModelProblem> checkDeployment(Map<String, byte[]> resources) {
        List<ModelProblem> problems = new ArrayList<>();
        resources.forEach((fileName, content) -> {
            Map<String, byte[]> others = new LinkedHashMap<>(resources);
            others.remove(fileName);
            problems.addAll(check(fileName, content, others));
        });
        return problems;
    }

    private static Set<String> formIds(Map<String, byte[]> resources) {
        Set<String> ids = new LinkedHashSet<>();
        resources.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                String id = FormChecks.formId(content);
                if (id != null) {
                    ids.add(id);
                }
            }
        });
        return ids;
    }

    /** The routing table a new user task will be routed by: one deployed along, else the latest deployed. */
    private Supplier<RoutingTable> routing(Map<String, byte[]> resources) {
        for (Map.Entry<String, byte[]> file : resources.entrySet()) {
            if (file.getKey().endsWith(".dmn") || file.getKey().endsWith(".dmn11.xml")) {
                try {
                    RoutingTable table = RoutingTable.of(Dmn.readModelFromStream(new ByteArrayInputStream(file.getValue())));
                    if (table != null) {
                        return () -> table;
                    }
                } catch (RuntimeException e) {
                    // a DMN that does not parse is refused on its own
                }
            }
        }
        return this::latestRoutingTable;
    }

    private RoutingTable latestRoutingTable() {
        return engine.call(context -> {
            RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
            DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(TaskRoutingListener.DECISION_KEY).withoutTenantId().latestVersion().singleResult();
            if (latest == null) {
                return null;
            }
            LatestRouting known = latestRouting;
            if (known != null && known.decisionId().equals(latest.getId())) {
                return known.table();
            }
            try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
                RoutingTable table = RoutingTable.of(Dmn.readModelFromStream(in));
                latestRouting = new LatestRouting(latest.getId(), table);
                return table;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
