package org.gongzu.household;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gongzu.casefile.CaseAccess;
import org.gongzu.validation.IdNumber;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A household case's data for the staff working it; who sees how much is {@link CaseAccess}'s
 * decision: staff while one of its tasks is theirs, supervisors with ID numbers masked, administrators.
 */
@RestController
@RequestMapping("/api/households")
class HouseholdController {

    private final HouseholdRepository households;
    private final CaseAccess access;
    private final TaskService taskService;
    private final IdentityService identityService;

    HouseholdController(HouseholdRepository households, CaseAccess access, TaskService taskService,
            IdentityService identityService) {
        this.households = households;
        this.access = access;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    record MemberView(int seq, String name, String idNumber, String relation, String hukou, String birthDate,
            String employment, boolean minLivingAllowance) {
    }

    record HouseholdView(String caseId, String projectId, String unitNo, String leaseNo, String status,
            String headName, String headIdNumber, List<MemberView> members, Map<String, Boolean> facilities) {
    }

    @GetMapping("/{caseId}")
    HouseholdView household(@PathVariable String caseId) {
        Authentication user = identityService.getCurrentAuthentication();
        // the task query runs with the user's own task visibility
        CaseAccess.Level level = access.household(user == null ? null : user.getGroupIds(),
                () -> taskService.createTaskQuery().processInstanceBusinessKey(caseId).count() > 0);
        Household h = level == CaseAccess.Level.NONE ? null : households.find(caseId).orElse(null);
        if (h == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到该案卷，或您无权查看");
        }
        boolean mask = level == CaseAccess.Level.MASKED;
        List<MemberView> members = households.members(caseId).stream().map(m -> new MemberView(m.seq(), m.name(),
                mask ? IdNumber.mask(m.idNumber()) : m.idNumber(), m.relation().name(), m.hukou().name(),
                m.birthDate().toString(), m.employment().name(), m.minLivingAllowance())).toList();
        return new HouseholdView(h.caseId(), h.projectId(), h.unitNo(), h.leaseNo(), h.status(), h.headName(),
                mask ? IdNumber.mask(h.headIdNumber()) : h.headIdNumber(), members, households.facilities(caseId));
    }
}
