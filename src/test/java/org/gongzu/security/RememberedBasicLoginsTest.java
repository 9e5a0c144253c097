package org.gongzu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;

/**
 * HTTP Basic logins are verified once per interval (1.5 s in tests, 30 s in production) and then
 * remembered (docs/adr/0015): what changes in the identity takes effect within the interval, a wrong
 * password is never remembered, and a failure makes the next login go through the engine's check.
 */
@GongzuTest
class RememberedBasicLoginsTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired MoveInFixture fixture;
    @Autowired Environment environment;

    @Test
    void aRemovedMembershipTakesEffectWithinTheInterval() throws InterruptedException {
        Task task = fixture.registrationTaskIn(SUB_DISTRICT);
        String user = TestUsers.create(identityService, "rem", "Pw-Remember-1", "rc-" + SUB_DISTRICT);
        assertThat(taskBody(user, "Pw-Remember-1", task)).contains(task.getId());

        identityService.deleteMembership(user, "rc-" + SUB_DISTRICT);
        waitOutTheInterval();

        assertThat(taskBody(user, "Pw-Remember-1", task)).isEqualTo("[]");
    }

    @Test
    void aDeletedUserOrAnotherPasswordIsRefusedThoughALoginWasRemembered() throws InterruptedException {
        String user = TestUsers.create(identityService, "rem", "Pw-Remember-2", "rc-" + SUB_DISTRICT);
        assertThat(status(user, "Pw-Remember-2")).isEqualTo(HttpStatus.OK);
        // another password is the engine's to check, at once
        assertThat(status(user, "Pw-Wrong-2")).isEqualTo(HttpStatus.UNAUTHORIZED);

        identityService.deleteUser(user);
        waitOutTheInterval();
        assertThat(status(user, "Pw-Remember-2")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aFailedLoginMakesTheNextOneWaitForTheThrottleEvenWithTheRememberedPassword() {
        String user = TestUsers.create(identityService, "rem", "Pw-Remember-3", "rc-" + SUB_DISTRICT);
        assertThat(status(user, "Pw-Remember-3")).isEqualTo(HttpStatus.OK);
        assertThat(status(user, "Pw-Wrong-3")).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the engine's login throttling delays the right password too (docs/adr/0007)
        assertThat(status(user, "Pw-Remember-3")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String taskBody(String user, String password, Task task) {
        return http.withBasicAuth(user, password)
                .getForEntity("/engine-rest/task?maxResults=10&taskId=" + task.getId(), String.class).getBody();
    }

    private HttpStatus status(String user, String password) {
        return HttpStatus.valueOf(http.withBasicAuth(user, password)
                .getForEntity("/engine-rest/task/count", String.class).getStatusCode().value());
    }

    private void waitOutTheInterval() throws InterruptedException {
        Duration interval = environment.getProperty("gongzu.basic-login-remembered-for", Duration.class);
        assertThat(interval).isLessThan(Duration.ofSeconds(5));
        Thread.sleep(interval.toMillis() + 300);
    }
}
