package org.gongzu.projectregistration;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongzu.api.ProcessStartRequest;
import org.gongzu.project.ProjectService.RegistrationForm;
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
        ProcessInstance instance = ProcessStartRequest.start(runtimeService, ProjectRegistrationProcess.KEY, body,
                Set.of(RegistrationForm.FACILITY_TYPES), RegistrationForm.PROJECT_ID, DUPLICATE);
        return ResponseEntity.created(URI.create("/api/projects/" + instance.getBusinessKey()))
                .body(new Registered(instance.getBusinessKey(), instance.getId()));
    }
}
