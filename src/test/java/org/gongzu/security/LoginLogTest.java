package org.gongzu.security;

import org.gongzu.support.TestUsers;
import org.gongzu.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.IdentityService;
import org.gongzu.identity.Roles;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Logins are logged with the user id and never the password, on the webapps and on HTTP Basic (docs/adr/0007). */
@GongzuTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLogTest {

    static final String PASSWORD = "Pw-Right-7731";
    static final String WRONG = "Pw-Wrong-4402";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    String user;

    @BeforeEach
    void createUser() {
        user = TestUsers.create(identityService, "log", PASSWORD, Roles.STAFF);
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(user);
    }

    @Test
    void basicFailuresAreLoggedEveryTimeAndSuccessesOncePerInterval(CapturedOutput output) {
        assertThat(status(user, WRONG)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(lines(output, "HTTP Basic login failed: user " + user + " ")).hasSize(1).allMatch(l -> l.contains("WARN"));
        identityService.unlockUser(user);

        assertThat(status(user, PASSWORD)).isEqualTo(HttpStatus.OK);
        assertThat(status(user, PASSWORD)).isEqualTo(HttpStatus.OK);
        assertThat(lines(output, "HTTP Basic login: user " + user + " ")).hasSize(1).allMatch(l -> l.contains("INFO"));

        // a failure after a success is logged all the same
        assertThat(status(user, WRONG)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(lines(output, "HTTP Basic login failed: user " + user + " ")).hasSize(2);
        // someone typing anything as user id: cleaned, still logged
        assertThat(status("nobody\nFORGED LINE", WRONG)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(output.getOut()).contains("HTTP Basic login failed: user nobody?FORGED LINE from")
                .doesNotContain(PASSWORD).doesNotContain(WRONG);
    }

    @Test
    void webappLoginsAndFailuresAreLogged(CapturedOutput output) {
        WebappSession session = new WebappSession(http.getRootUri());
        assertThat(session.login(user, WRONG, "tasklist")).isEqualTo(401);
        assertThat(lines(output, "Failed login attempt for user " + user + ".")).hasSize(1);
        identityService.unlockUser(user);

        assertThat(session.login(user, PASSWORD, "tasklist")).isEqualTo(200);
        assertThat(lines(output, "Successful login for user " + user + ".")).hasSize(1).allMatch(l -> l.contains("INFO"));
        assertThat(output.getOut()).doesNotContain(PASSWORD).doesNotContain(WRONG);
    }

    private HttpStatus status(String userId, String password) {
        return HttpStatus.valueOf(http.withBasicAuth(userId, password)
                .getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode().value());
    }

    private static java.util.List<String> lines(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text)).toList();
    }
}
