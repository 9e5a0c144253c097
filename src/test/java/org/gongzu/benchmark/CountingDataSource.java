package org.gongzu.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Wraps a DataSource and counts the SQL statements sent through it: every execute, executeQuery,
 * executeUpdate call and every addBatch entry (a JDBC batch of 5 inserts counts 5), but not the
 * driver's own commits, rollbacks and connection checks. Each statement is also counted by kind:
 * its verb and first table ("insert act_hi_detail", "select act_ru_authorization").
 */
final class CountingDataSource {

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");

    private static final Pattern TABLE = Pattern.compile("\\b(?:from|into|update)\\s+([a-z_0-9.]+)");

    private final LongAdder statements = new LongAdder();
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanosByKind = new ConcurrentHashMap<>();

    long statements() {
        return statements.sum();
    }

    /** Statements so far by kind, sorted by kind. */
    Map<String, Long> byKind() {
        Map<String, Long> snapshot = new TreeMap<>();
        byKind.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    /** Time spent in the driver's execute calls so far, in nanoseconds, by kind (a batch's time goes to its kind). */
    Map<String, Long> nanosByKind() {
        Map<String, Long> snapshot = new TreeMap<>();
        nanosByKind.forEach((kind, nanos) -> snapshot.put(kind, nanos.sum()));
        return snapshot;
    }

    static String kind(String sql) {
        if (sql == null) {
            return "?";
        }
        String text = sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        String verb = text.isEmpty() ? "?" : text.split(" ", 2)[0];
        Matcher table = TABLE.matcher(text);
        return table.find() ? verb + " " + table.group(1) : verb;
    }

    private void count(String kind) {
        statements.increment();
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result, nanos) -> {
            if (result instanceof Connection connection) {
                return wrapConnection(connection);
            }
            return result;
        });
    }

    private Connection wrapConnection(Connection target) {
        return proxy(Connection.class, target, (method, args, result, nanos) -> {
            String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? kind(sql) : null;
            if (result instanceof CallableStatement statement) {
                return wrapStatement(CallableStatement.class, statement, prepared);
            }
            if (result instanceof PreparedStatement statement) {
                return wrapStatement(PreparedStatement.class, statement, prepared);
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return wrapStatement(Statement.class, statement, null);
            }
            return result;
        });
    }

    /** Prepared statements carry their kind; plain statements get it from the SQL they execute. */
    private <S extends Statement> S wrapStatement(Class<S> type, S target, String preparedKind) {
        return proxy(type, target, (method, args, result, nanos) -> {
            String name = method.getName();
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            if (EXECUTES.contains(name) || name.equals("addBatch")) {
                count(sql != null ? kind(sql) : preparedKind);
            }
            // executeBatch: its entries were counted by addBatch; its time is counted here
            if (EXECUTES.contains(name) || name.equals("executeBatch")) {
                nanosByKind.computeIfAbsent(sql != null ? kind(sql) : preparedKind, k -> new LongAdder()).add(nanos);
            }
            return result;
        });
    }

    private interface AfterCall {
        Object after(Method method, Object[] args, Object result, long nanos);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(proxy)) {
                return proxy;
            }
            try {
                long start = System.nanoTime();
                Object result = method.invoke(target, args);
                return after.after(method, args, result, System.nanoTime() - start);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
