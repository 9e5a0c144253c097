package org.gongzu.engine;

import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.gongzu.validation.FieldError;
import org.gongzu.validation.InvalidInputException;

/**
 * Refused input as the engine's callers see it: a form validation error (REST answers 400) that
 * carries every refused field with its Chinese message, not only the first.
 */
public class InputRefusedException extends FormFieldValidationException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InputRefusedException(List<FieldError> errors) {
        super(errors.get(0).field(), new InvalidInputException(errors).getMessage());
        this.errors = List.copyOf(errors);
    }

    public InputRefusedException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** The same refusal with each field key renamed, e.g. from a REST list path to the form's group path. */
    public InputRefusedException withFieldsRenamed(UnaryOperator<String> rename) {
        return new InputRefusedException(errors.stream().map(e -> new FieldError(rename.apply(e.field()), e.message()))
                .toList());
    }

    /** Every refused field, in the order the form shows them. */
    public List<FieldError> errors() {
        return errors;
    }
}
