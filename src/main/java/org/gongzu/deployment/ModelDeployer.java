package org.gongzu.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the repository's models at start-up, one deployment per model (docs/adr/0016):
 * <ul>
 * <li>each BPMN of {@code processes/} together with the forms of {@code forms/} it names (forms are
 * bound by deployment, so they travel with their process);</li>
 * <li>each DMN of {@code processes/} on its own.</li>
 * </ul>
 * A deployment is named after its model; duplicate filtering compares it with the last deployment
 * of that name, so an unchanged process keeps its version and a changed form versions only the
 * processes that use it. A model whose latest deployed version did not come from here (a process
 * manager deployed it, for example from the Modeler) is left as it is, with a warning: what a
 * manager changed in the running system is never overwritten at start-up.
 */
@Component
class ModelDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_SOURCE = "gongzu-startup";
    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file of the repository: its name and content. */
    record Model(String fileName, byte[] content) {
    }

    /** What one start-up did with each model. */
    enum Outcome {
        DEPLOYED, UNCHANGED, KEPT_MANAGERS_VERSION
    }

    private final RepositoryService repositoryService;

    ModelDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deploy(repositoryModels());
    }

    /** Deploys what changed among these models; answers the outcome per deployment name. */
    Map<String, Outcome> deploy(List<Model> models) {
        Map<String, Model> forms = new LinkedHashMap<>();
        for (Model model : models) {
            if (model.fileName().endsWith(".form")) {
                forms.put(formId(model), model);
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        // decisions first: a process's user tasks are checked against the routing table (docs/adr/0022)
        List<Model> decisionsFirst = new ArrayList<>(models);
        decisionsFirst.sort(Comparator.comparing(model -> !model.fileName().endsWith(".dmn")));
        for (Model model : decisionsFirst) {
            if (model.fileName().endsWith(".bpmn")) {
                BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
                List<String> keys = bpmn.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
                        .map(Process::getId).toList();
                List<Model> files = new ArrayList<>(List.of(model));
                for (String formId : formIds(bpmn)) {
                    Model form = forms.get(formId);
                    if (form == null) {
                        throw new IllegalStateException(model.fileName() + " names the form " + formId
                                + ", which is not in forms/");
                    }
                    files.add(form);
                }
                String name = keys.isEmpty() ? model.fileName() : keys.get(0);
                outcomes.put(name, deployUnlessManaged(name, files, managedProcess(keys)));
            } else if (model.fileName().endsWith(".dmn")) {
                List<String> keys = Dmn.readModelFromStream(new ByteArrayInputStream(model.content()))
                        .getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
                String name = keys.isEmpty() ? model.fileName() : keys.get(0);
                outcomes.put(name, deployUnlessManaged(name, List.of(model), managedDecision(keys)));
            }
        }
        return outcomes;
    }

    private Outcome deployUnlessManaged(String name, List<Model> files, String managerDeployment) {
        if (managerDeployment != null) {
            LOG.warn("{}: the latest deployed version came from deployment {} (not from this repository) and is kept;"
                    + " the repository's {} is not deployed (docs/adr/0016)", name, managerDeployment, files.get(0).fileName());
            return Outcome.KEPT_MANAGERS_VERSION;
        }
        DeploymentBuilder builder = repositoryService.createDeployment().name(name).source(DEPLOYMENT_SOURCE)
                // false: when any file changed, the model is redeployed with all its forms, so formRefs resolve
                .enableDuplicateFiltering(false);
        files.forEach(file -> builder.addInputStream(file.fileName(), new ByteArrayInputStream(file.content())));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        boolean created = (deployment.getDeployedProcessDefinitions() != null && !deployment.getDeployedProcessDefinitions().isEmpty())
                || (deployment.getDeployedDecisionDefinitions() != null && !deployment.getDeployedDecisionDefinitions().isEmpty());
        if (created) {
            LOG.info("{}: deployed as a new version (deployment {}, {} files)", name, deployment.getId(), files.size());
        }
        return created ? Outcome.DEPLOYED : Outcome.UNCHANGED;
    }

    /** The deployment of the latest version of one of these processes, when it is not this deployer's. */
    private String managedProcess(List<String> keys) {
        return managed(keys, key -> {
            ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                    .withoutTenantId().latestVersion().singleResult();
            return latest == null ? null : latest.getDeploymentId();
        });
    }

    private String managedDecision(List<String> keys) {
        return managed(keys, key -> {
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .withoutTenantId().latestVersion().singleResult();
            return latest == null ? null : latest.getDeploymentId();
        });
    }

    private String managed(List<String> keys, Function<String, String> latestDeployment) {
        return keys.stream().map(latestDeployment).filter(id -> id != null && !fromHere(id)).findFirst().orElse(null);
    }

    private boolean fromHere(String deploymentId) {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        return deployment != null && DEPLOYMENT_SOURCE.equals(deployment.getSource());
    }

    /** The Camunda Forms a process names on its start events and user tasks. */
    private static Set<String> formIds(BpmnModelInstance bpmn) {
        return ProcessForms.named(bpmn);
    }

    private static String formId(Model form) {
        try {
            JsonNode id = JSON.readTree(form.content()).get("id");
            if (id == null || !id.isTextual()) {
                throw new IllegalStateException("The form " + form.fileName() + " has no id");
            }
            return id.asText();
        } catch (IOException e) {
            throw new IllegalStateException("The form " + form.fileName() + " is not JSON", e);
        }
    }

    /** The repository's models, as deployed at start-up. */
    static List<Model> repositoryModels() {
        return findModels("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");
    }

    private static List<Model> findModels(String... patterns) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                resources.addAll(List.of(resolver.getResources(pattern)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list models " + pattern, e);
            }
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException("No models found under processes/ and forms/ on the classpath");
        }
        resources.sort(Comparator.comparing(Resource::getFilename));
        List<Model> models = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                models.add(new Model(resource.getFilename(), in.readAllBytes()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read model " + resource, e);
            }
        }
        return models;
    }
}
