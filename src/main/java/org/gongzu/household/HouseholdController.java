package org.gongzu.household;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gongzu.casefile.CaseAccess;
import org.gongzu.casefile.CaseDepartments;
import org.gongzu.casefile.CaseProcesses;
import org.gongzu.casefile.HouseholdFields;
import org.gongzu.webapp.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A household case's data for the departments on the case, supervisors and administrators, each
 * seeing what {@link CaseAccess} decides for them, with every process the case runs.
 */
@RestController
@RequestMapping("/api/households")
class HouseholdController {

    private final HouseholdRepository households;
    private final CaseAccess access;
    private final CaseDepartments departments;
    private final CaseProcesses processes;
    private final Callers callers;
    private final IdentityService identityService;

    HouseholdController(HouseholdRepository households, CaseAccess access, CaseDepartments departments,
            CaseProcesses processes, Callers callers, IdentityService identityService) {
        this.households = households;
        this.access = access;
        this.departments = departments;
        this.processes = processes;
        this.callers = callers;
        this.identityService = identityService;
    }

    @GetMapping("/{caseId}")
    HouseholdView household(@PathVariable String caseId) {
        Authentication user = identityService.getCurrentAuthentication();
        Household found = households.find(caseId).orElse(null);
        HouseholdFields fields = found == null ? null : access.household(user == null ? null : user.getGroupIds(),
                departments.of(caseId), found.districtCode()).orElse(null);
        Household h = fields == null ? null : found;
        if (h == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到该案卷，或您无权查看");
        }
        return HouseholdView.of(h, households.members(caseId), fields)
                .withProcesses(callers.asSystem(() -> processes.of(caseId)));
    }
}
