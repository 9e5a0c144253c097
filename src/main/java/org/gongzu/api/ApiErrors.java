package org.gongzu.api;

import jakarta.servlet.http.HttpServletRequest;

import org.gongzu.web.errors.ErrorBody;
import org.gongzu.web.errors.ErrorTranslator;
import org.gongzu.web.errors.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the project's own REST API (/api): the same refusals as Camunda's REST answers here
 * (ErrorTranslator), with the Chinese message staff and clients show.
 */
@RestControllerAdvice(basePackages = "org.gongzu")
class ApiErrors {

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> refuse(Exception error, HttpServletRequest request) {
        Refusal refusal = ErrorTranslator.translate(error, request.getMethod() + " " + request.getRequestURI());
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON).body(refusal.body());
    }
}
