package org.gongzu.security;

import org.gongzu.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;

import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every answer of the APIs, refusals included, forbids sniffing, framing and storing (docs/adr/0007). */
@GongzuTest
class SecurityHeadersTest {

    @Autowired TestRestTemplate http;

    @Test
    void engineRestAnswersCarryTheHeaders() {
        assertHeaders(http.getForEntity("/engine-rest/task?maxResults=1", String.class), HttpStatus.UNAUTHORIZED);
        assertHeaders(http.withBasicAuth("hdrc", "demo").getForEntity("/engine-rest/task?maxResults=1", String.class),
                HttpStatus.OK);
        // the query cap's refusal
        assertHeaders(http.withBasicAuth("hdrc", "demo").getForEntity("/engine-rest/task", String.class),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void projectApiAnswersCarryTheHeaders() {
        assertHeaders(http.getForEntity("/api/households/HH-2026-000001", String.class), HttpStatus.UNAUTHORIZED);
        assertHeaders(http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", json("{}"), String.class),
                HttpStatus.BAD_REQUEST);
        assertHeaders(http.withBasicAuth("hdowner", "demo").postForEntity("/api/leases", json("{not json"), String.class),
                HttpStatus.BAD_REQUEST);
        assertHeaders(http.withBasicAuth("hdrc", "demo").getForEntity("/api/households/HH-1900-000000", String.class),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void webappsKeepTheirHeadersAndTheirRestStoresNothing() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        // Camunda's own policy, with its script rules, stays in force
        assertThat(page.getHeaders().get("Content-Security-Policy")).singleElement().asString()
                .contains("frame-ancestors 'none'").contains("script-src");

        assertHeaders(http.getForEntity("/camunda/api/engine/engine/default/task/count", String.class),
                HttpStatus.UNAUTHORIZED);
        WebappSession session = new WebappSession(http.getRootUri());
        assertThat(session.login("hdrc", "demo", "tasklist")).isEqualTo(200);
        var count = session.get("/camunda/api/engine/engine/default/task/count");
        assertThat(count.statusCode()).isEqualTo(200);
        // Camunda's webapp REST says "no-cache", which would still let the browser store the answer
        assertThat(count.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(count.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static void assertHeaders(ResponseEntity<String> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).as("nosniff on %s", status).isEqualTo("nosniff");
        assertThat(headers.get("Cache-Control")).as("no-store on %s", status).containsExactly("no-store");
        assertThat(headers.getFirst("Content-Security-Policy")).as("CSP on %s", status).contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Frame-Options")).as("X-Frame-Options on %s", status).isEqualTo("DENY");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
