package org.gongzu.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A user logged in to the webapps as a browser is: a session cookie, and the CSRF token sent back
 * as X-XSRF-TOKEN. For requests to the webapps' own REST applications (/camunda/api/…).
 */
public final class WebappSession {

    private final TestRestTemplate http;
    private final Map<String, String> cookies = new HashMap<>();

    private WebappSession(TestRestTemplate http) {
        this.http = http;
    }

    /** Logs {@code user} (password "demo") in to Tasklist. */
    public static WebappSession login(TestRestTemplate http, String user) {
        WebappSession session = new WebappSession(http);
        session.keepCookies(http.getForEntity("/camunda/app/tasklist/", String.class));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", "demo");
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        if (login.getStatusCode() != HttpStatus.OK) {
            throw new IllegalStateException("Webapp login of " + user + " answered " + login.getStatusCode());
        }
        session.keepCookies(login);
        // the login starts a new session without a CSRF token: the next GET hands one out, as in the browser
        session.get("/camunda/api/admin/auth/user/default");
        return session;
    }

    public ResponseEntity<String> postJson(String path, String json) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
        keepCookies(response);
        return response;
    }

    public ResponseEntity<String> get(String path) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        keepCookies(response);
        return response;
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (!cookies.isEmpty()) {
            headers.add(HttpHeaders.COOKIE, cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (cookies.containsKey("XSRF-TOKEN")) {
            headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        return headers;
    }

    private void keepCookies(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (set != null) {
            for (String cookie : set) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }
}
