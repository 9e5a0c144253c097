package org.gongzu.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN and DMN expressions may call, e.g. {@code ${tenantMoveInSteps.openCase(execution)}}.
 * The engine's expressions resolve these beans and no others, and a deployment that names any other
 * bean is refused (docs/adr/0022): a model deployed from the browser must not reach
 * {@code jdbcTemplate} or the engine's own services.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelBean {
}
