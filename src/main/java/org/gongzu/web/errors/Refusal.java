package org.gongzu.web.errors;

import java.util.List;

import org.gongzu.validation.FieldError;

/** An HTTP status and the body that goes with it. */
public record Refusal(int status, ErrorBody body) {

    static Refusal of(int status, String message) {
        return new Refusal(status, new ErrorBody(message, null));
    }

    /** 400: the input is refused; {@code fields} may be empty when no single field is to blame. */
    static Refusal badInput(String message, List<FieldError> fields) {
        return new Refusal(400, new ErrorBody(message, List.copyOf(fields)));
    }
}
