package org.gongzu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A browser's session on the webapps: the session cookie, and the CSRF token that every changing
 * request sends back as X-XSRF-TOKEN. For the webapps' own REST applications (/camunda/api/…),
 * which Tasklist, Cockpit and Admin use, and for their pages.
 */
public final class WebappSession {

    private static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final String DEMO_PASSWORD = "demo";

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private String csrfToken;

    /** A browser that has not logged in yet, at e.g. {@code http://localhost:8080}. */
    public WebappSession(String base) {
        this.base = base;
    }

    public WebappSession(int port) {
        this("http://localhost:" + port);
    }

    /** A demo user logged in to Tasklist; fails if the login is refused. */
    public static WebappSession login(TestRestTemplate http, String user) {
        WebappSession session = new WebappSession(http.getRootUri());
        int status = session.login(user, DEMO_PASSWORD, "tasklist");
        if (status != 200) {
            throw new IllegalStateException("Webapp login of " + user + " answered " + status);
        }
        return session;
    }

    /** Logs in to one app as its login page does, with the demo password; answers the login's status. */
    public int login(String user, String app) {
        return login(user, DEMO_PASSWORD, app);
    }

    /** Logs in to one app as its login page does; answers the login's status. */
    public int login(String user, String password, String app) {
        get("/camunda/app/" + app + "/default/", "text/html");
        String form = "username=" + encode(user) + "&password=" + encode(password);
        int status = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded", "application/json", form).statusCode();
        // the login starts a new session: the next read hands out its CSRF token, as in the browser
        get("/camunda/api/admin/auth/user/default");
        return status;
    }

    public HttpResponse<String> get(String path) {
        return get(path, "application/json");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send("GET", path, null, accept, null);
    }

    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, "application/json");
    }

    /** With the Accept header a particular client sends, e.g. Tasklist's hal+json. */
    public HttpResponse<String> postJson(String path, String json, String accept) {
        return send("POST", path, "application/json", accept, json);
    }

    /** What a forged cross-site request sends: the session cookie, but not the CSRF token. */
    public HttpResponse<String> postJsonWithoutCsrfToken(String path, String json) {
        String token = csrfToken;
        csrfToken = null;
        try {
            return postJson(path, json);
        } finally {
            csrfToken = token;
        }
    }

    /** The answer as Spring's test client gives it, for tests that compare the webapps' REST with /engine-rest. */
    public static ResponseEntity<String> asEntity(HttpResponse<String> response) {
        HttpHeaders headers = new HttpHeaders();
        response.headers().map().forEach(headers::addAll);
        return ResponseEntity.status(response.statusCode()).headers(headers).body(response.body());
    }

    /** A path of the default engine in the webapps' REST application, e.g. {@code /task/1/claim}. */
    public static String engine(String path) {
        return "/camunda/api/engine/engine/default" + path;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrfToken != null) {
            request.header(CSRF_HEADER, csrfToken);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().firstValue(CSRF_HEADER).filter(token -> !token.equals("Required"))
                    .ifPresent(token -> csrfToken = token);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
