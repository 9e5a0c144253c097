package org.gongzu.support;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users a test makes for itself, with a fresh id so that tests on the shared context never meet. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A new user {@code <prefix><8 hex>} with this password, member of these groups; answers the id. */
    public static String create(IdentityService identityService, String prefix, String password, String... groups) {
        return create(identityService, prefix + UUID.randomUUID().toString().substring(0, 8), password, false, groups);
    }

    /** The user with exactly this id, made unless it exists (for a colleague several tests share). */
    public static String ensure(IdentityService identityService, String id, String password, String... groups) {
        return create(identityService, id, password, true, groups);
    }

    private static String create(IdentityService identityService, String id, String password, boolean keepExisting,
            String... groups) {
        if (keepExisting && identityService.createUserQuery().userId(id).count() > 0) {
            return id;
        }
        User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setLastName("用户");
        user.setPassword(password);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
        return id;
    }
}
