package org.gongzu.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Makes the model checks hold for every deployment (docs/adr/0022): a pre-deployer refuses a new
 * deployment whose models fail {@link ModelChecks}, whichever way it came (Java API, engine REST,
 * start-up), and the engine's expressions resolve only the beans marked {@code @ModelBean}.
 */
@Component
class ModelChecksPlugin extends AbstractProcessEnginePlugin {

    private final ModelChecks checks;
    private final AllowedBeans beans;
    private final ApplicationContext context;

    ModelChecksPlugin(ModelChecks checks, AllowedBeans beans, ApplicationContext context) {
        this.checks = checks;
        this.beans = beans;
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> allowed = beans.asMap();
        // beans other than the default also keep the Spring context away from scripts
        configuration.setBeans(allowed);
        // Spring's factory bean made the expression manager before plugins run, with every bean of the context
        if (configuration.getExpressionManager() != null
                && configuration.getExpressionManager().getClass() != SpringExpressionManager.class) {
            throw new IllegalStateException("Unknown expression manager " + configuration.getExpressionManager().getClass()
                    + ": cannot limit expressions to the model beans");
        }
        configuration.setExpressionManager(new SpringExpressionManager(context, allowed));

        List<Deployer> preDeployers = new ArrayList<>(configuration.getCustomPreDeployers() == null ? List.of()
                : configuration.getCustomPreDeployers());
        preDeployers.add(deployment -> {
            if (!deployment.isNew()) {
                return; // a deployment read into the cache again was checked when it was made
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (ResourceEntity resource : deployment.getResources() == null ? List.<ResourceEntity>of()
                    : deployment.getResources().values()) {
                files.put(resource.getName(), resource.getBytes());
            }
            List<ModelProblem> problems = checks.checkDeployment(files);
            if (!problems.isEmpty()) {
                throw new ModelRefusedException(problems);
            }
        });
        configuration.setCustomPreDeployers(preDeployers);
    }
}
