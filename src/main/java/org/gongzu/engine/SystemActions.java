package org.gongzu.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What the system does as a consequence of a user's step, not on the user's behalf: starting the
 * facility handovers of a project a housing department registered, creating the department groups
 * of a new sub-district. Inside an engine command these run without the acting user's authorization
 * checks (the step itself was checked); outside one they run as they are.
 */
public final class SystemActions {

    private SystemActions() {
    }

    public static <T> T run(Supplier<T> action) {
        CommandContext context = Context.getCommandContext();
        return context == null ? action.get() : context.runWithoutAuthorization(action::get);
    }

    public static void run(Runnable action) {
        run(() -> {
            action.run();
            return null;
        });
    }
}
