package org.gongzu.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongzu.engine.InputRefusedException;
import org.gongzu.validation.FieldError;
import org.gongzu.web.errors.ErrorTranslator;
import org.gongzu.web.errors.RequestConflictException;

/**
 * A process started from a JSON body of /api exactly as from its start form in Tasklist: the
 * fields reach the process as the form's values would, so the same checks and the same permission
 * apply, and the form guard refuses any other field, naming it.
 */
public final class ProcessStartRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessStartRequest() {
    }

    /**
     * Starts {@code processKey} with the body's fields. Each field is text (or a number or yes/no),
     * except {@code listFields}, which may be lists, passed as JSON text as the form's checklists are.
     * The same request sent twice at once passes the "already registered" check twice and one insert
     * wins: the other answers 409 naming {@code uniqueField}.
     */
    public static ProcessInstance start(RuntimeService runtimeService, String processKey, Map<String, Object> body,
            Set<String> listFields, String uniqueField, String duplicateMessage) {
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, Object> field : body.entrySet()) {
            Object value = field.getValue();
            if (listFields.contains(field.getKey()) && value instanceof List<?>) {
                value = json(value);
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new InputRefusedException(List.of(new FieldError(field.getKey(),
                        "「" + field.getKey() + "」应为文本，不能是对象或列表")));
            }
            variables.put(field.getKey(), value);
        }
        try {
            return runtimeService.startProcessInstanceByKey(processKey, variables);
        } catch (RuntimeException e) {
            if (ErrorTranslator.isDuplicateKey(e)) {
                throw new RequestConflictException(duplicateMessage,
                        List.of(new FieldError(uniqueField, duplicateMessage)), e);
            }
            throw e;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
