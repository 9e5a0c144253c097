package org.gongzu.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzu.support.WebappSession;

/**
 * A Tasklist user's browser session (the webapps' session login with its CSRF token) and the
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

    private final String user;
    private final WebappSession browser;

    TasklistSession(String base, String user, String password) {
        this.user = user;
        this.browser = new WebappSession(base);
        int status = browser.login(user, password, "tasklist");
        if (status != 200) {
            throw new IllegalStateException("login of " + user + " answered " + status);
        }
    }

    /** The filters of the sidebar as Tasklist loads them, lowest priority (the one it opens) first. */
    List<Filter> filters() {
        String body = expect(browser.get(ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task",
                HAL_ACCEPT), "filters");
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
        String body = expect(browser.postJson(ENGINE + "/filter/" + filter.id() + "/list?firstResult=0&maxResults=15",
                LIST_BODY, HAL_ACCEPT), "list " + filter.name());
        Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(body);
        if (!count.find()) {
            throw new IllegalStateException("no count in the list of " + filter.name() + ": " + body.substring(0, Math.min(300, body.length())));
        }
        return Long.parseLong(count.group(1));
    }

    /**
     * A request of the same session that does no work in the engine (the engine's version): what the
     * webapps' request path itself costs on this machine, for reading the other figures.
     */
    void version() {
        expect(browser.get(ENGINE + "/version", HAL_ACCEPT), "version");
    }

    /** The sidebar's count of one filter. */
    long count(Filter filter) {
        String body = expect(browser.get(ENGINE + "/filter/" + filter.id() + "/count", HAL_ACCEPT),
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
}
