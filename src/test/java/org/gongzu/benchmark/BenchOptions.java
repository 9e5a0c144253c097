package org.gongzu.benchmark;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of the benchmark mains; unknown or malformed options stop the run. */
final class BenchOptions {

    private final Map<String, String> values = new HashMap<>();

    BenchOptions(String[] args, String... known) {
        java.util.Set<String> allowed = java.util.Set.of(known);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !allowed.contains(name.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + name + " (known: " + allowed + ")");
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int number(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }
}
