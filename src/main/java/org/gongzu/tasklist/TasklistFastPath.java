package org.gongzu.tasklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.rest.hal.EmptyHalCollection;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.sub.runtime.impl.FilterResourceImpl;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.engine.TaskVisibility;
import org.gongzu.webapp.WebappEngineApiProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers the two requests Tasklist sends on every refresh (a filter's first page with its count,
 * and each sidebar filter's count) for the task lists that every department uses, from one index
 * instead of the engine's task query (docs/adr/0013):
 * <ul>
 * <li>a department's queue (candidate groups = the user's groups, assigned tasks included), from
 * {@link TaskQueue};</li>
 * <li>the user's own tasks (assignee = the user), from the task table's assignee index;</li>
 * <li>every task, for users who may read every task (supervisors), from the creation-time index.</li>
 * </ul>
 * Only requests whose answer is exactly the engine's are served: a filter of one of these shapes,
 * sorted by creation time or not at all, no criteria added but "active", no tenants, no REVOKE
 * authorizations, the filter readable by the user and, for "active", no suspended task anywhere.
 * Everything else goes on to the engine's own REST resource unchanged. Which tasks the user may
 * see is decided from the same links and grants as the engine's ({@link TaskVisibility}); the page's
 * tasks are then rendered by the engine's own HAL code, whose reads (definitions, users, the
 * filter's variables) keep the user's authorizations, so the answer is the one the engine gives.
 * Anything unexpected (a database error included) leaves the request to the engine.
 */
@Component
public class TasklistFastPath implements ContainerRequestFilter, WebappEngineApiProvider {

    private static final Logger log = LoggerFactory.getLogger(TasklistFastPath.class);
    private static final Pattern PATH = Pattern.compile("/?engine/([^/]+)/filter/([^/]+)/(list|count)");
    private static final Set<String> EMPTY_LIST_KEYS = Set.of("processVariables", "taskVariables", "caseInstanceVariables");
    /** The engine's own cap on a page (query-max-results-limit); larger pages go to the engine, which refuses them. */
    private static final int MAX_PAGE = 2000;

    enum Shape {
        DEPARTMENT, MINE, EVERY_TASK
    }

    record Sorting(boolean any, boolean ascending) {
    }

    private final ProcessEngine engine;
    private final DataSource dataSource;
    private final ObjectMapper json = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    private volatile boolean enabled = true;
    private final AtomicLong served = new AtomicLong();

    TasklistFastPath(ProcessEngine engine, DataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    /** For tests that compare the fast path's answers with the engine's. */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How many requests this path answered (the rest went to the engine). */
    long served() {
        return served.get();
    }

    @Override
    public Object provider() {
        return this;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Matcher path = PATH.matcher(request.getUriInfo().getPath());
        if (!enabled || !path.matches() || !engine.getName().equals(path.group(1))) {
            return;
        }
        boolean list = path.group(3).equals("list");
        String method = request.getMethod();
        if (list ? !"POST".equals(method) || !acceptsHal(request) : !"GET".equals(method) && !"POST".equals(method)) {
            return;
        }
        JsonNode body = null;
        if ("POST".equals(method)) {
            byte[] bytes = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            try {
                body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            } catch (IOException notJson) {
                return;
            }
        }
        Integer first = list ? number(request, "firstResult", 0) : Integer.valueOf(0);
        Integer max = list ? number(request, "maxResults", Integer.MAX_VALUE) : Integer.valueOf(0);
        Request parsed = parse(body);
        if (parsed == null || first == null || max == null || (list && (max > MAX_PAGE || first < 0 || max < 0))) {
            return;
        }
        Response answer;
        try {
            answer = answer(path.group(2), parsed, list, first, max);
        } catch (RuntimeException e) {
            // the engine's own resource gives the proper answer (and refusal) for anything unexpected
            log.debug("Tasklist fast path declined filter {}: {}", path.group(2), e.toString());
            return;
        }
        if (answer != null) {
            served.incrementAndGet();
            request.abortWith(answer);
        }
    }

    private record Request(boolean active, Sorting sorting) {
    }

    /** The extending query Tasklist sends: only empty variable lists, one sorting by creation, "active". */
    private static Request parse(JsonNode body) {
        if (body == null) {
            return new Request(false, new Sorting(false, false));
        }
        if (!body.isObject()) {
            return null;
        }
        boolean active = false;
        Sorting sorting = new Sorting(false, false);
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (EMPTY_LIST_KEYS.contains(field.getKey())) {
                if (!value.isArray() || !value.isEmpty()) {
                    return null;
                }
            } else if (field.getKey().equals("active")) {
                if (!value.isBoolean() || !value.booleanValue()) {
                    return null;
                }
                active = true;
            } else if (field.getKey().equals("sorting")) {
                if (!value.isArray() || value.size() > 1) {
                    return null;
                }
                if (value.size() == 1) {
                    JsonNode sort = value.get(0);
                    if (!sort.isObject() || sort.size() != 2 || !"created".equals(sort.path("sortBy").asText(null))) {
                        return null;
                    }
                    String order = sort.path("sortOrder").asText("");
                    if (!order.equals("asc") && !order.equals("desc")) {
                        return null;
                    }
                    sorting = new Sorting(true, order.equals("asc"));
                }
            } else {
                return null;
            }
        }
        return new Request(active, sorting);
    }

    private record Page(long count, List<String> taskIds, FilterEntity filter) {
    }

    /**
     * One engine command, so one transaction, for the whole answer: the page, the tasks and what
     * the engine's HAL rendering reads (definitions, users, the filter's variables).
     */
    /**
     * The page is read outside the engine's commands, on one pooled connection in auto-commit (read
     * only, four statements at most); the page's tasks and the engine's HAL rendering (definitions,
     * users, the filter's variables) then take one engine command.
     */
    private Response answer(String filterId, Request request, boolean list, int first, int max) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null || (user.getTenantIds() != null && !user.getTenantIds().isEmpty())) {
            return null;
        }
        Page page;
        try (Connection connection = dataSource.getConnection()) {
            page = page(connection, user, filterId, request, list, first, max);
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the task queue", e);
        }
        if (page == null) {
            return null;
        }
        if (!list) {
            return Response.ok("{\"count\":" + page.count() + "}", MediaType.APPLICATION_JSON_TYPE).build();
        }
        HalResource<?> hal = page.taskIds().isEmpty() ? new EmptyHalCollection(page.count())
                : commandExecutor().execute(context -> {
                    // the page's tasks are the user's to see (page() decided that from the same rows the
                    // engine would); they are read by id without a second check, in the queue's order
                    List<Task> tasks = new ArrayList<>(context.runWithoutAuthorization(() -> engine.getTaskService()
                            .createTaskQuery().taskIdIn(page.taskIds().toArray(String[]::new)).initializeFormKeys()
                            .listPage(0, page.taskIds().size())));
                    Map<String, Integer> order = new HashMap<>();
                    for (int i = 0; i < page.taskIds().size(); i++) {
                        order.put(page.taskIds().get(i), i);
                    }
                    tasks.sort(Comparator.comparing(task -> order.get(task.getId())));
                    return tasks.isEmpty() ? new EmptyHalCollection(page.count())
                            : new HalFilterList(engine.getName(), json, page.filter()).toHal(tasks, page.count());
                });
        try {
            return Response.ok(json.writeValueAsString(hal), Hal.APPLICATION_HAL_JSON_TYPE).build();
        } catch (IOException e) {
            throw new ProcessEngineException("Could not write the task list", e);
        }
    }

    private org.camunda.bpm.engine.impl.interceptor.CommandExecutor commandExecutor() {
        return configuration().getCommandExecutorTxRequired();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** The count and the page's task ids, or null when the engine must answer. */
    private Page page(Connection connection, Authentication user, String filterId, Request request, boolean list,
            int first, int max) throws SQLException {
        FilterEntity filter = filter(connection, filterId);
        if (filter == null || !"Task".equals(filter.getResourceType())) {
            return null;
        }
        Shape shape = shape(filter);
        if (shape == null) {
            return null;
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds().stream().distinct().toList();
        TaskVisibility.FilterAccess access = TaskVisibility.filterAccess(connection, configuration(), user.getUserId(),
                groups, filterId);
        if (!access.readsFilter() || access.revokes() || (shape == Shape.EVERY_TASK && !access.everyTask())) {
            return null;
        }
        if (request.active() && anySuspendedTask(connection)) {
            return null;
        }
        Query query = Query.of(shape, user.getUserId(), groups);
        if (query == null) {
            return new Page(0, List.of(), filter);
        }
        long count = query.count(connection);
        List<String> ids = list && max > 0 && count > first ? query.page(connection, request.sorting(), first, max) : List.of();
        return new Page(count, ids, filter);
    }

    /** The stored filter, as the engine would load it. */
    private FilterEntity filter(Connection connection, String filterId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select RESOURCE_TYPE_, NAME_, OWNER_, QUERY_, "
                + "PROPERTIES_, REV_ from " + configuration().getDatabaseTablePrefix() + "ACT_RU_FILTER where ID_ = ?")) {
            statement.setString(1, filterId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                FilterEntity filter = new FilterEntity(row.getString(1));
                filter.setId(filterId);
                filter.setName(row.getString(2));
                filter.setOwner(row.getString(3));
                filter.setQueryInternal(row.getString(4));
                filter.setPropertiesInternal(row.getString(5));
                filter.setRevision(row.getInt(6));
                return filter;
            }
        }
    }

    private static boolean anySuspendedTask(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from ACT_RU_TASK where SUSPENSION_STATE_ = 2 fetch first 1 rows only");
                ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    /** Which of the served shapes a filter's stored query has, or null. */
    Shape shape(Filter filter) {
        JsonNode query;
        try {
            query = json.readTree(((FilterEntity) filter).getQueryInternal());
        } catch (IOException e) {
            return null;
        }
        if (!(query instanceof ObjectNode object)) {
            return null;
        }
        Map<String, JsonNode> set = new HashMap<>();
        object.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            boolean unset = value.isNull() || (value.isBoolean() && !value.booleanValue())
                    || (value.isContainerNode() && value.isEmpty());
            if (!unset) {
                set.put(field.getKey(), value);
            }
        });
        if (set.isEmpty()) {
            return Shape.EVERY_TASK;
        }
        if (set.size() == 1 && "${currentUser()}".equals(text(set.get("taskAssigneeExpression")))) {
            return Shape.MINE;
        }
        if (set.size() == 2 && "${currentUserGroups()}".equals(text(set.get("taskCandidateGroupInExpression")))
                && set.get("includeAssignedTasks") != null && set.get("includeAssignedTasks").booleanValue()) {
            return Shape.DEPARTMENT;
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.asText();
    }

    private static Integer number(ContainerRequestContext request, String name, int absent) {
        String value = request.getUriInfo().getQueryParameters().getFirst(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean acceptsHal(ContainerRequestContext request) {
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        if (accepted.isEmpty()) {
            return false;
        }
        // the engine picks HAL when it is the first acceptable of its variants (JSON, HAL)
        for (MediaType type : accepted) {
            if (type.isCompatible(Hal.APPLICATION_HAL_JSON_TYPE) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /**
     * The engine's own rendering of a filter's task page: HAL with embedded users, definitions and
     * the filter's variables; the filter is the one already read.
     */
    private static final class HalFilterList extends FilterResourceImpl {
        private final Filter filter;

        HalFilterList(String engineName, ObjectMapper json, Filter filter) {
            super(engineName, json, filter.getId(), "");
            this.filter = filter;
        }

        @Override
        protected Filter getDbFilter() {
            return filter;
        }

        HalResource<?> toHal(List<Task> tasks, long count) {
            return convertToHalTaskList(tasks, count);
        }
    }
}
