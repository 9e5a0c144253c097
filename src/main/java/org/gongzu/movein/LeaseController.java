package org.gongzu.movein;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongzu.api.ProcessStartRequest;
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
        ProcessInstance instance = ProcessStartRequest.start(runtimeService, TenantMoveInProcess.KEY, lease, Set.of(),
                TenantMoveInProcess.LeaseForm.LEASE_NO, DUPLICATE_LEASE);
        return ResponseEntity.created(URI.create("/api/households/" + instance.getBusinessKey()))
                .body(new LeaseResponse(instance.getBusinessKey(), instance.getId()));
    }
}
