package org.gongzu.web.errors;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Camunda's REST applications (/engine-rest and the webapps' /camunda/api/…) answer errors with
 * their own mappers, in English and with internal ids. These take their place: for each exception
 * type Camunda or Jersey maps, a mapper of the same type with a higher priority (a lower number).
 */
final class JaxRsErrorMappers {

    /** Every mapper and the JSON limits, to register with a JAX-RS application. */
    static final List<Class<?>> PROVIDERS = List.of(AnyError.class, EngineError.class, CamundaRestError.class,
            JsonError.class, JsonParseError.class, JsonMappingError.class, LimitedObjectMapper.class);

    private JaxRsErrorMappers() {
    }

    static Response respond(Throwable error, HttpServletRequest request) {
        String where = request == null ? "REST" : request.getMethod() + " " + request.getRequestURI();
        Refusal refusal = ErrorTranslator.translate(error, where);
        return Response.status(refusal.status()).entity(refusal.body())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * Jersey picks the mapper of the nearest exception type, and Camunda's REST applications bring
     * their own for these types: each needs a mapper of ours at that type, all answering alike.
     */
    abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(E error) {
            return respond(error, request);
        }
    }

    @Priority(1)
    static class AnyError extends Mapper<Throwable> {
    }

    @Priority(1)
    static class EngineError extends Mapper<ProcessEngineException> {
    }

    @Priority(1)
    static class CamundaRestError extends Mapper<RestException> {
    }

    @Priority(1)
    static class JsonError extends Mapper<JsonProcessingException> {
    }

    @Priority(1)
    static class JsonParseError extends Mapper<JsonParseException> {
    }

    @Priority(1)
    static class JsonMappingError extends Mapper<JsonMappingException> {
    }
}
