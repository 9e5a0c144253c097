package org.gongzu.webapp;

/**
 * A JAX-RS provider (filter, mapper) that joins the webapps' engine REST application under
 * /camunda/api/engine, which Tasklist calls; Spring beans of this type are registered there.
 */
public interface WebappEngineApiProvider {

    /** The provider instance to register. */
    Object provider();
}
