package org.gongzu.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The deployed models and their versions, read from the engine's repository. */
@Component
class ModelCatalog {

    /** A model and the versions deployed. */
    record Summary(String kind, String key, String name, int latestVersion, List<Integer> versions) {
    }

    /** One deployed version of a model: where its file is. */
    record Ref(ModelKind kind, String key, String name, int version, String deploymentId, String fileName) {
    }

    private final RepositoryService repositoryService;
    private final JdbcTemplate jdbc;

    ModelCatalog(RepositoryService repositoryService, JdbcTemplate jdbc) {
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    List<Summary> list() {
        List<Summary> models = new ArrayList<>();
        models.addAll(summaries(ModelKind.BPMN, all(ModelKind.BPMN)));
        models.addAll(summaries(ModelKind.DMN, all(ModelKind.DMN)));
        models.addAll(summaries(ModelKind.FORM, all(ModelKind.FORM)));
        return models;
    }

    /** The given version of a model, or its latest when {@code version} is null. */
    Optional<Ref> find(ModelKind kind, String key, Integer version) {
        List<Ref> versions = versions(kind, key);
        if (version == null) {
            return versions.stream().max(Comparator.comparingInt(Ref::version));
        }
        return versions.stream().filter(r -> r.version() == version).findFirst();
    }

    byte[] content(Ref ref) {
        return resource(ref.deploymentId(), ref.fileName());
    }

    /** Every file of a deployment by name. */
    Map<String, byte[]> files(String deploymentId) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
            files.put(resource.getName(), resource.getBytes());
        }
        return files;
    }

    /** The latest version of every process that names this form. */
    List<ProcessDefinition> latestProcessesUsing(String formId) {
        return repositoryService.createProcessDefinitionQuery().latestVersion().withoutTenantId().list().stream()
                .filter(p -> formIds(repositoryService.getBpmnModelInstance(p.getId())).contains(formId)).toList();
    }

    /** The Camunda Forms a process names on its start events and user tasks. */
    static Set<String> formIds(BpmnModelInstance bpmn) {
        return org.gongzu.deployment.ProcessForms.named(bpmn);
    }

    private List<Ref> versions(ModelKind kind, String key) {
        return switch (kind) {
            case BPMN -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId()
                    .list().stream().map(ModelCatalog::ref).toList();
            case DMN -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId()
                    .list().stream().map(ModelCatalog::ref).toList();
            case FORM -> forms(key);
        };
    }

    private List<Ref> all(ModelKind kind) {
        return switch (kind) {
            case BPMN -> repositoryService.createProcessDefinitionQuery().withoutTenantId().list().stream()
                    .map(ModelCatalog::ref).toList();
            case DMN -> repositoryService.createDecisionDefinitionQuery().withoutTenantId().list().stream()
                    .map(ModelCatalog::ref).toList();
            case FORM -> forms(null);
        };
    }

    private List<Ref> forms(String key) {
        String sql = "select KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from ACT_RE_CAMFORMDEF where TENANT_ID_ is null"
                + (key == null ? "" : " and KEY_ = ?");
        Object[] args = key == null ? new Object[0] : new Object[] {key};
        return jdbc.query(sql, (rs, i) -> new Ref(ModelKind.FORM, rs.getString(1), rs.getString(1), rs.getInt(2),
                rs.getString(3), rs.getString(4)), args);
    }

    private static Ref ref(ProcessDefinition p) {
        return new Ref(ModelKind.BPMN, p.getKey(), p.getName() == null ? p.getKey() : p.getName(), p.getVersion(),
                p.getDeploymentId(), p.getResourceName());
    }

    private static Ref ref(DecisionDefinition d) {
        return new Ref(ModelKind.DMN, d.getKey(), d.getName() == null ? d.getKey() : d.getName(), d.getVersion(),
                d.getDeploymentId(), d.getResourceName());
    }

    private static List<Summary> summaries(ModelKind kind, List<Ref> refs) {
        Map<String, List<Ref>> byKey = new TreeMap<>();
        refs.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        return byKey.values().stream().map(versions -> {
            versions.sort(Comparator.comparingInt(Ref::version));
            Ref latest = versions.get(versions.size() - 1);
            return new Summary(kind.code, latest.key(), latest.name(), latest.version(),
                    versions.stream().map(Ref::version).toList());
        }).toList();
    }

    private byte[] resource(String deploymentId, String name) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
