package org.gongzu.webapp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller of Gongzu's own endpoints and what they are shown by name. An endpoint may answer
 * twice: under /api with HTTP Basic (the engine's current authentication, set by the login filter),
 * and under the webapps' /api with their session login and CSRF check, so that Tasklist's tabs never
 * raise a login dialog. Engine reads after an access decision run as the system ({@link #asSystem});
 * work the engine itself must check for the user runs as the user ({@link #as}).
 */
@Component
public class Callers {

    private final ProcessEngine engine;
    private final IdentityService identityService;
    private final String webappApi;

    Callers(ProcessEngine engine, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
        this.webappApi = webappPath + "/api/";
    }

    /** The caller of this request, by the webapps' session under their /api, by HTTP Basic elsewhere; 401 if none. */
    public Caller of(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + webappApi)) {
            return sessionUser().map(user -> new Caller(user.getName(), List.copyOf(user.getGroupIds())))
                    .orElseThrow(Callers::notLoggedIn);
        }
        Authentication user = identityService.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw notLoggedIn();
        }
        return new Caller(user.getUserId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
    }

    /** The user logged in to the webapps in this session, for this engine. */
    public Optional<UserAuthentication> sessionUser() {
        Authentications authentications = Authentications.getCurrent();
        var authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        return authentication instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
    }

    /** Runs engine reads as the system: the caller's right was decided before. */
    public <T> T asSystem(Supplier<T> work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            restore(before);
        }
    }

    /** Runs engine work as the caller, so that the engine's own rules (task links, hand-overs) apply. */
    public <T> T as(Caller caller, Supplier<T> work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(caller.userId(), caller.groups());
        try {
            return work.get();
        } finally {
            restore(before);
        }
    }

    /** A process definition's name, looked up once per request in {@code cache}. */
    public String processName(Map<String, String> cache, String definitionId) {
        return cache.computeIfAbsent(definitionId, id -> {
            ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(id);
            return definition.getName() == null ? definition.getKey() : definition.getName();
        });
    }

    /** A group's Chinese name, e.g. 「海淀区学院路街道 居委会」, or its id. */
    public String groupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    /** A user's name with their id, e.g. 「张 三（zhangsan）」, or the id. */
    public String userName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name + "（" + userId + "）";
    }

    private void restore(Authentication before) {
        if (before == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(before);
        }
    }

    private static ResponseStatusException notLoggedIn() {
        return new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
}
