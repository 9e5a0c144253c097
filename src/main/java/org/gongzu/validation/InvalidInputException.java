package org.gongzu.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; nothing was saved. The message lists every refused field in Chinese. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining("；")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first refused field, which forms put the focus on. */
    public String firstField() {
        return errors.get(0).field();
    }
}
