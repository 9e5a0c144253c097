package org.gongzu.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Adds missing GRANT permissions to groups. At start-up every department group of every place is
 * checked, so the grants of the few resource types given to groups are read in one query each
 * instead of one query per group.
 */
class Grants {

    private static final List<Resources> PREFETCHED = List.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
            Resources.PROCESS_INSTANCE, Resources.FILTER);

    private final AuthorizationService authorizationService;
    private final Map<String, Authorization> known = new HashMap<>();
    private boolean prefetched;

    Grants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    static Grants prefetched(AuthorizationService authorizationService) {
        Grants grants = new Grants(authorizationService);
        for (Resources type : PREFETCHED) {
            authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(type)
                    .list().stream().filter(a -> a.getGroupId() != null)
                    .forEach(a -> grants.known.put(key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a));
        }
        grants.prefetched = true;
        return grants;
    }

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        String key = key(groupId, resource.resourceType(), resourceId);
        Authorization authorization = known.get(key);
        if (authorization == null && !(prefetched && PREFETCHED.contains(resource))) {
            authorization = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                    .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        }
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorization = authorizationService.saveAuthorization(authorization);
        }
        known.put(key, authorization);
    }

    private static String key(String groupId, int resourceType, String resourceId) {
        return groupId + '|' + resourceType + '|' + resourceId;
    }
}
