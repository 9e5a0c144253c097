package org.gongzu.modeling;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Why the deployment this thread is making is made, and what it changes (diff JSON per model key),
 * handed from the model API to the audit that the engine's deploy command writes.
 */
record DeployIntent(String reason, Map<String, String> diffs) {

    private static final ThreadLocal<DeployIntent> CURRENT = new ThreadLocal<>();

    static DeployIntent current() {
        return CURRENT.get();
    }

    <T> T during(Supplier<T> deployment) {
        DeployIntent before = CURRENT.get();
        CURRENT.set(this);
        try {
            return deployment.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}
