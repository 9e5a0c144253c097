package org.gongzu.api;

import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the project's own REST API (/api), with the Chinese message staff and clients show. */
@RestControllerAdvice
class ApiErrors {

    record ApiError(String field, String message) {
    }

    @ExceptionHandler(FormFieldValidationException.class)
    ResponseEntity<ApiError> invalid(FormFieldValidationException e) {
        return ResponseEntity.badRequest().body(new ApiError(Objects.toString(e.<Object>getDetail(), null), e.getMessage()));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(null, "您没有执行此操作的权限"));
    }
}
