package org.gongzu.support;

import java.util.Collection;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;

/** Removes the deployments a test made, with their cases, so the start-up versions are the latest again. */
public final class Deployments {

    private Deployments() {
    }

    public static void delete(RepositoryService repositoryService, Collection<String> deploymentIds) {
        for (String id : deploymentIds) {
            for (int attempt = 1; ; attempt++) {
                try {
                    repositoryService.deleteDeployment(id, true);
                    break;
                } catch (OptimisticLockingException busy) {
                    if (attempt == 5) {
                        throw busy;
                    }
                    // the job executor was still finishing a job of one of its cases
                }
            }
        }
    }
}
