package org.gongzu.modeling;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/** Puts the deployment audit into every deploy command of the engine. */
@Component
class ModelAuditPlugin extends AbstractProcessEnginePlugin {

    private final ModelAudit audit;

    ModelAuditPlugin(ModelAudit audit) {
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> postDeployers = new ArrayList<>();
        if (configuration.getCustomPostDeployers() != null) {
            postDeployers.addAll(configuration.getCustomPostDeployers());
        }
        postDeployers.add(audit);
        configuration.setCustomPostDeployers(postDeployers);
    }
}
