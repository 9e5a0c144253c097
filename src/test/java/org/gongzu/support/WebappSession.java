package org.gongzu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to the webapps as the browser is: session cookie plus the CSRF token, talking to
 * the webapps' own REST application (/camunda/api/...), which Tasklist and Cockpit use.
 */
public final class WebappSession {

    private static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final String base;
    private String csrfToken;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Logs in to Tasklist; fails if the login is refused. */
    public static WebappSession login(int port, String user, String password) {
        WebappSession session = new WebappSession(port);
        session.get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + encode(user) + "&password=" + encode(password));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Login of " + user + " refused: " + login.statusCode());
        }
        // the login starts a new session: the next read hands out its CSRF token
        session.get("/camunda/api/admin/auth/user/default");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    /** A path of the default engine in the webapps' REST application, e.g. {@code /task/1/claim}. */
    public static String engine(String path) {
        return "/camunda/api/engine/engine/default" + path;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
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
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
