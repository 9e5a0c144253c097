package org.gongzu.movein;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gongzu.identity.Roles;
import org.gongzu.validation.IdNumber;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A household case's data for the staff working it. Staff see a case only while one of its tasks is
 * theirs (the engine's task authorizations decide); supervisors and administrators see every case,
 * supervisors with ID numbers masked.
 */
@RestController
@RequestMapping("/api/households")
class HouseholdController {

    private final MoveInService service;
    private final TaskService taskService;
    private final IdentityService identityService;

    HouseholdController(MoveInService service, TaskService taskService, IdentityService identityService) {
        this.service = service;
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
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        boolean admin = groups.contains(Roles.ADMIN);
        // supervisors follow progress: they see every case, but no full ID numbers
        boolean mask = !admin && groups.contains(Roles.SUPERVISOR);
        // staff see a case while one of its tasks is theirs: the task query runs with their authorizations
        if (!admin && !mask && taskService.createTaskQuery().processInstanceBusinessKey(caseId).count() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到该案卷，或您无权查看");
        }
        Household h = service.household(caseId);
        List<MemberView> members = service.members(caseId).stream().map(m -> new MemberView(m.seq(), m.name(),
                mask ? IdNumber.mask(m.idNumber()) : m.idNumber(), m.relation().name(), m.hukou().name(),
                m.birthDate().toString(), m.employment().name(), m.minLivingAllowance())).toList();
        return new HouseholdView(h.caseId(), h.projectId(), h.unitNo(), h.leaseNo(), h.status(), h.headName(),
                mask ? IdNumber.mask(h.headIdNumber()) : h.headIdNumber(), members, service.facilities(caseId));
    }
}
