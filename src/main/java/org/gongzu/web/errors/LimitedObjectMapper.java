package org.gongzu.web.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ObjectMapper of Camunda's REST applications, configured as Camunda configures it
 * (JacksonConfigurator) and with Gongzu's JSON limits; it takes the place of Camunda's resolver.
 */
@Priority(1)
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
class LimitedObjectMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(JsonLimits.limit(new ObjectMapper()));

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
