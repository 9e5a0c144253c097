package org.gongzu.tasklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gongzu.tasklist.TasklistFastPath.Shape;
import org.gongzu.tasklist.TasklistFastPath.Sorting;

/**
 * The SQL of one served task list: its count and a page of task ids, each answered by one index.
 * Without a sorting the engine orders by task id; with "created" it orders by creation time (ties,
 * which the engine leaves open, by task id in the opposite direction).
 */
final class Query {

    private final String from;
    private final String id;
    private final String created;
    private final boolean distinct;
    private final List<Object> parameters;

    private Query(String from, String id, String created, boolean distinct, List<Object> parameters) {
        this.from = from;
        this.id = id;
        this.created = created;
        this.distinct = distinct;
        this.parameters = parameters;
    }

    static Query of(Shape shape, String userId, List<String> groups) {
        return switch (shape) {
            case DEPARTMENT -> {
                if (groups.isEmpty()) {
                    yield null;
                }
                String in = String.join(", ", Collections.nCopies(groups.size(), "?"));
                yield new Query(" from task_queue where group_id in (" + in + ")", "task_id", "created",
                        groups.size() > 1, List.copyOf(groups));
            }
            case MINE -> new Query(" from ACT_RU_TASK where ASSIGNEE_ = ? and TENANT_ID_ is null", "ID_",
                    "CREATE_TIME_", false, List.of(userId));
            case EVERY_TASK -> new Query(" from ACT_RU_TASK where TENANT_ID_ is null", "ID_", "CREATE_TIME_", false,
                    List.of());
        };
    }

    long count(Connection connection) throws SQLException {
        String sql = "select count(" + (distinct ? "distinct " + id : "*") + ")" + from;
        try (PreparedStatement statement = prepare(connection, sql, List.of()); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<String> page(Connection connection, Sorting sorting, int first, int max) throws SQLException {
        // ties in creation time (which the engine leaves open) go by id the other way round, so that
        // one index (group, created desc, id) serves both directions without sorting
        String order = !sorting.any() ? " order by " + id + " asc"
                : sorting.ascending() ? " order by " + created + " asc, " + id + " desc"
                : " order by " + created + " desc, " + id + " asc";
        String select = distinct
                ? "select " + id + ", min(" + created + ") " + created + from + " group by " + id
                : "select " + id + from;
        String sql = select + order + " offset ? rows fetch next ? rows only";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, List.of(first, max));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private PreparedStatement prepare(Connection connection, String sql, List<Object> more) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        for (Object parameter : more) {
            statement.setObject(i++, parameter);
        }
        return statement;
    }
}
