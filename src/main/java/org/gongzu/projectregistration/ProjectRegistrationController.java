package org.gongzu.projectregistration;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongzu.engine.InputRefusedException;
import org.gongzu.project.ProjectService.RegistrationForm;
import org.gongzu.validation.FieldError;
import org.gongzu.web.errors.ErrorTranslator;
import org.gongzu.web.errors.RequestConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the housing departments' own systems: registers a project exactly as the start form in
 * Tasklist does (same fields, same checks, same permission).
 */
@RestController
@RequestMapping("/api/projects")
class ProjectRegistrationController {

    private static final String DUPLICATE = "「项目编号」已登记过，不能重复登记";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeService runtimeService;

    ProjectRegistrationController(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    record Registered(String projectId, String processInstanceId) {
    }

    /**
     * The body holds the fields of the registration form: {@code projectId}, {@code projectName},
     * {@code subDistrictCode}, {@code subDistrictName}, {@code ownerName}, {@code units},
     * {@code plannedMoveInOn} and {@code facilityTypes}, a list such as {@code ["KINDERGARTEN"]}.
     */
    @PostMapping
    ResponseEntity<Registered> register(@RequestBody Map<String, Object> body) {
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, Object> field : body.entrySet()) {
            Object value = field.getValue();
            if (RegistrationForm.FACILITY_TYPES.equals(field.getKey()) && value instanceof List<?>) {
                // as the form's checklist arrives: the list as JSON text
                value = json(value);
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new InputRefusedException(List.of(new FieldError(field.getKey(),
                        "「" + field.getKey() + "」应为文本，不能是对象或列表")));
            }
            variables.put(field.getKey(), value);
        }
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(ProjectRegistrationProcess.KEY, variables);
        } catch (RuntimeException e) {
            // the same project sent twice at once: both pass the "already registered" check, one insert wins
            if (ErrorTranslator.isDuplicateKey(e)) {
                throw new RequestConflictException(DUPLICATE,
                        List.of(new FieldError(RegistrationForm.PROJECT_ID, DUPLICATE)), e);
            }
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/projects/" + instance.getBusinessKey()))
                .body(new Registered(instance.getBusinessKey(), instance.getId()));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
