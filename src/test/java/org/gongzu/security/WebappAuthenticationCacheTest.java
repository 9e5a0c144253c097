package org.gongzu.security;

import org.gongzu.support.TestUsers;
import org.gongzu.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.IdentityService;
import org.gongzu.identity.Roles;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;

/**
 * A logged-in webapp session re-reads its user after the authentication cache's time to live
 * (short in the test profile, 30 s in production): a deleted user or a removed membership loses
 * access without logging out (docs/adr/0007).
 */
@GongzuTest
class WebappAuthenticationCacheTest {

    static final String PASSWORD = "Pw-Right-8830";
    static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";
    static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired Environment environment;

    @Test
    void aDeletedUserLosesTheOpenSession() throws InterruptedException {
        String user = newStaffUser();
        WebappSession session = new WebappSession(http.getRootUri());
        assertThat(session.login(user, PASSWORD, "tasklist")).isEqualTo(200);
        assertThat(session.get(TASK_COUNT).statusCode()).isEqualTo(200);

        identityService.deleteUser(user);
        waitOutTheCache();

        assertThat(session.get(TASK_COUNT).statusCode()).isEqualTo(401);
        // nobody is logged in any more: the login probe answers 204 (LoginProbeFilter)
        assertThat(session.get(WHO_AM_I).statusCode()).isEqualTo(204);
    }

    @Test
    void aRemovedMembershipIsSeenByTheOpenSession() throws InterruptedException {
        String user = newStaffUser();
        WebappSession session = new WebappSession(http.getRootUri());
        assertThat(session.login(user, PASSWORD, "tasklist")).isEqualTo(200);
        assertThat(session.get(WHO_AM_I).body()).contains("\"tasklist\"");

        identityService.deleteMembership(user, Roles.STAFF);
        waitOutTheCache();

        var whoAmI = session.get(WHO_AM_I);
        assertThat(whoAmI.statusCode()).isEqualTo(200);
        assertThat(whoAmI.body()).contains("\"" + user + "\"").doesNotContain("\"tasklist\"");
        identityService.deleteUser(user);
    }

    private String newStaffUser() {
        return TestUsers.create(identityService, "cache", PASSWORD, Roles.STAFF);
    }

    private void waitOutTheCache() throws InterruptedException {
        long ttl = environment.getRequiredProperty("camunda.bpm.webapp.auth.cache.time-to-live", Long.class);
        assertThat(ttl).as("test profile's time to live").isLessThanOrEqualTo(5_000L);
        Thread.sleep(ttl + 500);
    }
}
