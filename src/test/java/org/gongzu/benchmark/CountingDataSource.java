package org.gongzu.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Wraps a DataSource and counts the SQL statements sent through it: every execute, executeQuery,
 * executeUpdate call and every addBatch entry (a JDBC batch of 5 inserts counts 5), but not the
 * driver's own commits, rollbacks and connection checks.
 */
final class CountingDataSource {

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");

    private final LongAdder statements = new LongAdder();

    long statements() {
        return statements.sum();
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, result) -> {
            if (result instanceof Connection connection) {
                return wrapConnection(connection);
            }
            return result;
        });
    }

    private Connection wrapConnection(Connection target) {
        return proxy(Connection.class, target, (method, result) -> {
            if (result instanceof CallableStatement statement) {
                return wrapStatement(CallableStatement.class, statement);
            }
            if (result instanceof PreparedStatement statement) {
                return wrapStatement(PreparedStatement.class, statement);
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return wrapStatement(Statement.class, statement);
            }
            return result;
        });
    }

    private <S extends Statement> S wrapStatement(Class<S> type, S target) {
        return proxy(type, target, (method, result) -> {
            String name = method.getName();
            if (EXECUTES.contains(name) || name.equals("addBatch")) {
                statements.increment();
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                // entries were counted by addBatch
            }
            return result;
        });
    }

    private interface AfterCall {
        Object after(Method method, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(proxy)) {
                return proxy;
            }
            try {
                return after.after(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
