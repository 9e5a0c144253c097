package org.gongzu.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API prefixes a refused form value with English ("Cannot submit task form 1f0…:").
 * Staff read the message in Tasklist, so for form validation errors this mapper answers with the
 * Chinese message alone; every other error keeps Camunda's own answer.
 */
@Priority(1)
class FormValidationRestMessages implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
        if (exception.getCause() instanceof FormFieldValidationException validation) {
            ExceptionDto dto = new ExceptionDto();
            dto.setType(FormFieldValidationException.class.getSimpleName());
            dto.setMessage(validation.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    /** Registers the mapper with Camunda's Jersey application (/engine-rest). */
    @Component
    static class Registration implements ResourceConfigCustomizer {

        @Override
        public void customize(org.glassfish.jersey.server.ResourceConfig config) {
            config.register(FormValidationRestMessages.class);
        }
    }
}
