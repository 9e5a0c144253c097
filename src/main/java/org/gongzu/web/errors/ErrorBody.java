package org.gongzu.web.errors;

import java.util.List;

import org.gongzu.validation.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What every REST surface answers when it refuses a request: a Chinese sentence for the user and,
 * for refused input, the fields to mark ({@code fields} is left out when no field is concerned).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String message, List<FieldError> fields) {
}
