package org.gongzu.movein;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongzu.engine.InputRefusedException;
import org.gongzu.validation.FieldError;
import org.gongzu.web.errors.ErrorTranslator;
import org.gongzu.web.errors.RequestConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the property owners' lease system: a signed lease starts a household's move-in, exactly as
 * the start form in Tasklist does (same fields, same checks, same permission).
 */
@RestController
@RequestMapping("/api/leases")
class LeaseController {

    private static final String DUPLICATE_LEASE = "「租赁合同编号」已登记过，不能重复登记";

    private final RuntimeService runtimeService;

    LeaseController(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    record LeaseResponse(String caseId, String processInstanceId) {
    }

    /**
     * The body holds the fields of the lease form ({@code projectId}, {@code unitNo}, {@code leaseNo},
     * {@code leaseSignedOn}, {@code headName}, {@code headIdNumber}), each a text. They reach the
     * process as the start form's values would, so the same checks apply, and any other field is
     * refused, named, by the engine's form guard.
     */
    @PostMapping
    ResponseEntity<LeaseResponse> leaseSigned(@RequestBody Map<String, Object> lease) {
        List<FieldError> notText = lease.entrySet().stream()
                .filter(field -> field.getValue() instanceof Map<?, ?> || field.getValue() instanceof List<?>)
                .map(field -> new FieldError(field.getKey(), "「" + field.getKey() + "」应为文本，不能是对象或列表"))
                .toList();
        if (!notText.isEmpty()) {
            throw new InputRefusedException(notText);
        }
        Map<String, Object> variables = new HashMap<>(lease);
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(TenantMoveInProcess.KEY, variables);
        } catch (RuntimeException e) {
            // the same lease sent twice at once: both pass the "already registered" check, one insert wins
            if (ErrorTranslator.isDuplicateKey(e)) {
                throw new RequestConflictException(DUPLICATE_LEASE,
                        List.of(new FieldError(TenantMoveInProcess.LeaseForm.LEASE_NO, DUPLICATE_LEASE)), e);
            }
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/households/" + instance.getBusinessKey()))
                .body(new LeaseResponse(instance.getBusinessKey(), instance.getId()));
    }
}
