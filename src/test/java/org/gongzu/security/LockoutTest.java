package org.gongzu.security;

import org.gongzu.support.TestUsers;
import org.gongzu.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gongzu.identity.Roles;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Anyone may send wrong passwords for a known user id: Camunda's throttling delays the next login,
 * but the account never locks for good, the administrator's included (docs/adr/0007). The engine's
 * clock is moved on instead of waiting out the delays.
 */
@GongzuTest
class LockoutTest {

    static final String PASSWORD = "Pw-Right-5519";
    /** More than Camunda's default of 10, after which the account used to be locked for good. */
    static final int WRONG_ATTEMPTS = 15;

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngineConfiguration configuration;
    String user;

    @BeforeEach
    void createAdministrator() {
        user = TestUsers.create(identityService, "lock", PASSWORD, "camunda-admin", Roles.STAFF);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identityService.deleteUser(user);
    }

    @Test
    void manyWrongPasswordsOverBasicOnlyDelayTheRightOne() {
        long movedOn = 0;
        for (int attempt = 1; attempt <= WRONG_ATTEMPTS; attempt++) {
            assertThat(basic(user, "wrong-" + attempt)).isEqualTo(HttpStatus.UNAUTHORIZED);
            // throttling stays: during the delay even the right password is refused
            assertThat(basic(user, PASSWORD)).as("attempt %d", attempt).isEqualTo(HttpStatus.UNAUTHORIZED);
            movedOn += delayAfter(attempt) + 1_000;
            ClockUtil.offset(movedOn);
        }
        assertThat(attempts(user)).isEqualTo(WRONG_ATTEMPTS);
        assertThat(basic(user, PASSWORD)).isEqualTo(HttpStatus.OK);
        assertThat(attempts(user)).isZero();
    }

    @Test
    void manyWrongPasswordsOnTheWebappLoginOnlyDelayTheRightOne() {
        long movedOn = 0;
        for (int attempt = 1; attempt <= WRONG_ATTEMPTS; attempt++) {
            assertThat(new WebappSession(http.getRootUri()).login(user, "wrong-" + attempt, "tasklist")).isEqualTo(401);
            movedOn += delayAfter(attempt) + 1_000;
            ClockUtil.offset(movedOn);
        }
        assertThat(attempts(user)).isEqualTo(WRONG_ATTEMPTS);
        assertThat(new WebappSession(http.getRootUri()).login(user, PASSWORD, "tasklist")).isEqualTo(200);
    }

    /** Camunda's delay after the n-th wrong password, from the engine's own settings. */
    private long delayAfter(int attempt) {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        long seconds = (long) (engine.getLoginDelayBase() * Math.pow(engine.getLoginDelayFactor(), attempt - 1));
        return Math.min(seconds, engine.getLoginDelayMaxTime()) * 1_000;
    }

    private int attempts(String userId) {
        return ((UserEntity) identityService.createUserQuery().userId(userId).singleResult()).getAttempts();
    }

    private HttpStatus basic(String userId, String password) {
        return HttpStatus.valueOf(http.withBasicAuth(userId, password)
                .getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode().value());
    }
}
