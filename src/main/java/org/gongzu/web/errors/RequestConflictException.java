package org.gongzu.web.errors;

import java.util.List;

import org.gongzu.validation.FieldError;

/** The request lost a race with another one (e.g. the same lease sent twice at once): HTTP 409. */
public class RequestConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> fields;

    public RequestConflictException(String chineseMessage, List<FieldError> fields, Throwable cause) {
        super(chineseMessage, cause);
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }
}
