package org.gongzu.modeling;

import java.util.AbstractMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzu.process.ModelBean;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The Spring beans that models may call: those marked {@link ModelBean}. Read when first asked
 * (after the context is refreshed), so the engine can hold the set before those beans exist.
 */
@Component
class AllowedBeans {

    private final ApplicationContext context;
    private volatile Set<String> names;

    AllowedBeans(ApplicationContext context) {
        this.context = context;
    }

    Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = Set.of(context.getBeanNamesForAnnotation(ModelBean.class));
            names = known;
        }
        return known;
    }

    /** True if {@code identifier} names a bean of the application that models may not call. */
    boolean isForbidden(String identifier) {
        return !names().contains(identifier) && context.containsBean(identifier);
    }

    /** The allowed beans by name, as the engine's expressions resolve them; each bean is looked up when used. */
    java.util.Map<Object, Object> asMap() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && names().contains(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public int size() {
                return names().size();
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return names().stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name,
                        context.getBean(name))).collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
