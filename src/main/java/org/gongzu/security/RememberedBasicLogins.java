package org.gongzu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic against the Camunda identity that remembers a verified login for a short time
 * (docs/adr/0015): the password hash, the group and the tenant lookups run once per user and
 * interval instead of on every call. Like the webapps' authentication cache, a changed password, a
 * removed user or a removed membership takes effect within the interval.
 * <p>
 * Only verified logins are remembered, the last one per user, under a salted digest of the
 * credentials (the salt lives in memory only). A failed login forgets the user's remembered login,
 * so the engine's login throttling applies to the next attempt exactly as without this cache.
 */
class RememberedBasicLogins extends HttpBasicAuthenticationProvider {

    private static final int MAX_REMEMBERED = 10_000;

    private record Login(String userId, String digest, List<String> groups, List<String> tenants, long verifiedAtNanos) {
    }

    /** The credentials of a Basic header: the user id and a salted digest of the whole header. */
    private record Credentials(String userId, String digest) {
    }

    private final Duration interval;
    private final byte[] salt = new byte[32];
    /** The last verified login of each user. */
    private final Map<String, Login> remembered = new ConcurrentHashMap<>();

    RememberedBasicLogins(Duration interval) {
        this.interval = interval;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Credentials credentials = credentials(request.getHeader("Authorization"));
        Login login = credentials == null ? null : remembered.get(credentials.userId());
        if (login != null && login.digest().equals(credentials.digest())
                && System.nanoTime() - login.verifiedAtNanos() < interval.toNanos()) {
            return result(login);
        }
        AuthenticationResult verified = super.extractAuthenticatedUser(request, engine);
        if (!verified.isAuthenticated()) {
            if (verified.getAuthenticatedUser() != null) {
                remembered.remove(verified.getAuthenticatedUser());
            }
            return verified;
        }
        login = lookUp(engine.getIdentityService(), verified.getAuthenticatedUser(),
                credentials == null ? null : credentials.digest());
        if (login.digest() != null && !interval.isZero()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.values().removeIf(l -> System.nanoTime() - l.verifiedAtNanos() >= interval.toNanos());
            }
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(login.userId(), login);
            }
        }
        return result(login);
    }

    /** What the authentication filter would otherwise look up on every call. */
    private static Login lookUp(IdentityService identity, String userId, String digest) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        return new Login(userId, digest, groups, tenants, System.nanoTime());
    }

    private static AuthenticationResult result(Login login) {
        AuthenticationResult result = AuthenticationResult.successful(login.userId());
        result.setGroups(login.groups());
        result.setTenants(login.tenants());
        return result;
    }

    /** The header's user id with a salted digest of the whole header; null when it is not Basic. */
    private Credentials credentials(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] digest = sha.digest(decoded.getBytes(StandardCharsets.UTF_8));
            return new Credentials(decoded.substring(0, colon), Base64.getEncoder().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
