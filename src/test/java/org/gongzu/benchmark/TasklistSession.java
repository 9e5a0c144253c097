package org.gongzu.benchmark;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tasklist user's browser session: the webapps' session login with its CSRF token, and the
 * requests Tasklist sends to the webapps' REST application, with the headers and bodies it sends.
 */
final class TasklistSession {

    static final String ENGINE = "/camunda/api/engine/engine/default";
    /** What the Camunda SDK sends as Accept on every call. */
    static final String HAL_ACCEPT = "application/hal+json, application/json; q=0.5";
    /** The task list query Tasklist posts for the first page (cam-tasklist-view-ctrl.js). */
    static final String LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    record Filter(String id, String name, int priority) {
    }

    private final String base;
    private final String user;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private String csrf;

    TasklistSession(String base, String user, String password) {
        this.base = base;
        this.user = user;
        send("GET", "/camunda/app/tasklist/default/", "text/html", null, null);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        expect(send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "application/json",
                "application/x-www-form-urlencoded", form), "login");
        // the new session hands out its CSRF token on the next read, as in the browser
        expect(send("GET", "/camunda/api/admin/auth/user/default", "application/json", null, null), "auth");
    }

    /** The filters of the sidebar as Tasklist loads them, lowest priority (the one it opens) first. */
    List<Filter> filters() {
        String body = expect(send("GET", ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task",
                HAL_ACCEPT, null, null), "filters");
        List<Filter> filters = new ArrayList<>();
        try {
            for (var node : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)) {
                filters.add(new Filter(node.get("id").asText(), node.get("name").asText(),
                        node.path("properties").path("priority").asInt(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        filters.sort(java.util.Comparator.comparingInt(Filter::priority));
        if (filters.isEmpty()) {
            throw new IllegalStateException(user + " sees no filters: " + body);
        }
        return filters;
    }

    /** The first page of a filter with its count, as Tasklist posts it; answers the count. */
    long list(Filter filter) {
        String body = expect(send("POST", ENGINE + "/filter/" + filter.id() + "/list?firstResult=0&maxResults=15",
                HAL_ACCEPT, "application/json", LIST_BODY), "list " + filter.name());
        Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(body);
        if (!count.find()) {
            throw new IllegalStateException("no count in the list of " + filter.name() + ": " + body.substring(0, Math.min(300, body.length())));
        }
        return Long.parseLong(count.group(1));
    }

    /** The sidebar's count of one filter. */
    long count(Filter filter) {
        String body = expect(send("GET", ENGINE + "/filter/" + filter.id() + "/count", HAL_ACCEPT, null, null),
                "count " + filter.name());
        Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(body);
        count.find();
        return Long.parseLong(count.group(1));
    }

    private String expect(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " of " + user + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String accept, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.equals("Required")).ifPresent(t -> csrf = t);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
