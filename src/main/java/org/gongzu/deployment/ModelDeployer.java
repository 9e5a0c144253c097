package org.gongzu.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} (BPMN, DMN) and {@code forms/} (Camunda Forms) as one
 * deployment at start-up. Forms are bound to their BPMN by deployment, so they always travel with
 * it; a new deployment is made only when some file changed (duplicate filtering by name).
 */
@Component
class ModelDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "gongzu";
    static final String DEPLOYMENT_SOURCE = "gongzu-startup";
    private static final String[] PATTERNS = {
        "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"};
    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;

    ModelDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Resource> resources = findModels();
        if (resources.isEmpty()) {
            throw new IllegalStateException("No models found under processes/ and forms/ on the classpath");
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_SOURCE)
                // false: if anything changed, redeploy all files together so formRefs resolve
                .enableDuplicateFiltering(false);
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read model " + resource, e);
            }
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        LOG.info("Models of processes/ and forms/ are in deployment {} ({} process, {} decision definitions new)",
                deployment.getId(),
                deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size(),
                deployment.getDeployedDecisionDefinitions() == null ? 0 : deployment.getDeployedDecisionDefinitions().size());
    }

    private static List<Resource> findModels() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        for (String pattern : PATTERNS) {
            try {
                resources.addAll(List.of(resolver.getResources(pattern)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list models " + pattern, e);
            }
        }
        resources.sort(Comparator.comparing(Resource::getFilename));
        return resources;
    }
}
