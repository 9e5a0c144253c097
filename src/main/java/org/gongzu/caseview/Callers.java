package org.gongzu.caseview;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller of a case endpoint. Each endpoint answers twice: under /api with HTTP Basic (the
 * engine's current authentication, set by the login filter), and under the webapps' /api/gongzu
 * with their session login and CSRF check, so that Tasklist's tabs never raise a login dialog.
 * Engine work after the access decision runs as the system ({@link #asSystem}); work the engine
 * itself must check for the user runs as the user ({@link #as}).
 */
@Component
class Callers {

    private final ProcessEngine engine;
    private final IdentityService identityService;
    private final String webappApi;

    Callers(ProcessEngine engine, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
        this.webappApi = webappPath + "/api/";
    }

    Caller of(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + webappApi)) {
            Authentications authentications = Authentications.getCurrent();
            var authentication = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(engine.getName());
            if (authentication instanceof UserAuthentication user) {
                return new Caller(user.getName(), List.copyOf(user.getGroupIds()));
            }
        } else {
            Authentication user = identityService.getCurrentAuthentication();
            if (user != null && user.getUserId() != null) {
                return new Caller(user.getUserId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
            }
        }
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }

    /** Runs engine reads as the system: the caller's right was decided before. */
    <T> T asSystem(Supplier<T> work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            restore(before);
        }
    }

    /** Runs engine work as the caller, so that the engine's own rules (task links, hand-overs) apply. */
    <T> T as(Caller caller, Supplier<T> work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(caller.userId(), caller.groups());
        try {
            return work.get();
        } finally {
            restore(before);
        }
    }

    private void restore(Authentication before) {
        if (before == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(before);
        }
    }
}
