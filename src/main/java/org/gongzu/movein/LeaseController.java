package org.gongzu.movein;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(TenantMoveInProcess.KEY, variables);
        return ResponseEntity.created(URI.create("/api/households/" + instance.getBusinessKey()))
                .body(new LeaseResponse(instance.getBusinessKey(), instance.getId()));
    }
}
