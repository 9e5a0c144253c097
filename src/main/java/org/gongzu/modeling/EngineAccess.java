package org.gongzu.modeling;

import java.util.function.Function;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a piece of a check inside the engine: in the deploy command that is running, or in a new
 * command when a check is asked for outside one (the editor). Looked up lazily, because the engine
 * is built with the plugin that calls the checks.
 */
@Component
class EngineAccess {

    private final ObjectProvider<ProcessEngineConfigurationImpl> configuration;

    EngineAccess(ObjectProvider<ProcessEngineConfigurationImpl> configuration) {
        this.configuration = configuration;
    }

    /** Runs {@code work} in a command context, without the caller's authorizations (the checks read models). */
    <T> T call(Function<CommandContext, T> work) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return current.runWithoutAuthorization(() -> work.apply(current));
        }
        return configuration.getObject().getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> work.apply(context)));
    }
}
