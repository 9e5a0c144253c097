package org.gongzu.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.gongzu.identity.DepartmentDirectory.DepartmentGroup;
import org.gongzu.validation.FieldError;
import org.gongzu.webapp.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Gongzu's scripts in Cockpit and Admin ask of the server, behind the webapps' own session
 * login and CSRF check (the path lies under the webapps' /api, docs/adr/0009): group names, the
 * actions the user may perform, and, for administrators only, the department picker.
 */
@RestController
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/api/gongzu")
class WebappIdentityController {

    static final String NOT_LOGGED_IN = "请先登录";
    static final String FORBIDDEN = "您没有执行此操作的权限";
    private static final int SEARCH_LIMIT = 20;

    record Refusal(String message, List<FieldError> fields) {

        static ResponseEntity<Object> of(HttpStatus status, String message) {
            return ResponseEntity.status(status).body(new Refusal(message, List.of()));
        }
    }

    record MembershipRequest(String userId, String groupId) {
    }

    record Membership(String userId, String groupId, String name, boolean added) {
    }

    private final Callers callers;
    private final IdentityService identityService;
    private final DepartmentDirectory departments;
    private final WebappActions actions;
    private final AccessBootstrap access;

    WebappIdentityController(ProcessEngine engine, Callers callers, DepartmentDirectory departments, WebappActions actions,
            AccessBootstrap access) {
        this.callers = callers;
        this.identityService = engine.getIdentityService();
        this.departments = departments;
        this.actions = actions;
        this.access = access;
    }

    /** The Chinese name of every department and role group, for showing beside the ids. */
    @GetMapping("/group-names")
    ResponseEntity<Object> groupNames() {
        if (currentUser().isEmpty()) {
            return Refusal.of(HttpStatus.UNAUTHORIZED, NOT_LOGGED_IN);
        }
        Map<String, String> names = new LinkedHashMap<>(Roles.NAMES);
        departments.all().forEach(group -> names.put(group.groupId(), group.name()));
        return ResponseEntity.ok(names);
    }

    /** The changing actions of Cockpit that the current user may perform. */
    @GetMapping("/actions")
    ResponseEntity<Object> actions() {
        Optional<UserAuthentication> user = currentUser();
        if (user.isEmpty()) {
            return Refusal.of(HttpStatus.UNAUTHORIZED, NOT_LOGGED_IN);
        }
        return ResponseEntity.ok(actions.of(user.get().getName(), user.get().getGroupIds()));
    }

    @GetMapping("/departments")
    ResponseEntity<Object> departments(@RequestParam(name = "q", required = false) String query) {
        ResponseEntity<Object> refused = refuseUnlessAdministrator();
        if (refused != null) {
            return refused;
        }
        List<DepartmentGroup> found = departments.search(query, SEARCH_LIMIT);
        return ResponseEntity.ok(found);
    }

    /**
     * Puts a user into the group of a department of a place, in one step: the group carries the
     * staff rights itself, so no second membership is needed.
     */
    @PostMapping("/department-members")
    ResponseEntity<Object> addToDepartment(@RequestBody(required = false) MembershipRequest request) {
        ResponseEntity<Object> refused = refuseUnlessAdministrator();
        if (refused != null) {
            return refused;
        }
        String userId = request == null ? null : trim(request.userId());
        String groupId = request == null ? null : trim(request.groupId());
        List<FieldError> errors = new ArrayList<>();
        if (userId == null) {
            errors.add(new FieldError("userId", "请填写「用户」"));
        } else if (identityService.createUserQuery().userId(userId).count() == 0) {
            errors.add(new FieldError("userId", "用户「" + userId + "」不存在"));
        }
        Optional<DepartmentDirectory.Resolved> department = groupId == null ? Optional.empty()
                : departments.find(groupId);
        if (groupId == null) {
            errors.add(new FieldError("groupId", "请选择「部门」"));
        } else if (department.isEmpty()) {
            errors.add(new FieldError("groupId", "「部门」不是已登记地区的部门"));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(new Refusal(errors.get(0).message(), errors));
        }
        DepartmentDirectory.Resolved resolved = department.get();
        access.ensureDepartment(resolved.place(), resolved.department());
        boolean member = identityService.createGroupQuery().groupId(groupId).groupMember(userId).count() > 0;
        if (!member) {
            identityService.createMembership(userId, groupId);
        }
        return ResponseEntity.ok(new Membership(userId, groupId, resolved.group().name(), !member));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable() {
        return Refusal.of(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON");
    }

    private ResponseEntity<Object> refuseUnlessAdministrator() {
        Optional<UserAuthentication> user = currentUser();
        if (user.isEmpty()) {
            return Refusal.of(HttpStatus.UNAUTHORIZED, NOT_LOGGED_IN);
        }
        List<String> groups = user.get().getGroupIds();
        if (groups == null || !groups.contains(Roles.ADMIN)) {
            return Refusal.of(HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        return null;
    }

    private Optional<UserAuthentication> currentUser() {
        return callers.sessionUser();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
