package org.gongzu.movein;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

    record LeaseRequest(String projectId, String unitNo, String leaseNo, String leaseSignedOn, String headName,
            String headIdNumber) {
    }

    record LeaseResponse(String caseId, String processInstanceId) {
    }

    @PostMapping
    ResponseEntity<LeaseResponse> leaseSigned(@RequestBody LeaseRequest lease) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TenantMoveInProcess.LeaseForm.PROJECT_ID, lease.projectId());
        variables.put(TenantMoveInProcess.LeaseForm.UNIT_NO, lease.unitNo());
        variables.put(TenantMoveInProcess.LeaseForm.LEASE_NO, lease.leaseNo());
        variables.put(TenantMoveInProcess.LeaseForm.LEASE_SIGNED_ON, lease.leaseSignedOn());
        variables.put(TenantMoveInProcess.LeaseForm.HEAD_NAME, lease.headName());
        variables.put(TenantMoveInProcess.LeaseForm.HEAD_ID_NUMBER, lease.headIdNumber());
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
