package org.gongzu.tasklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;

/**
 * The department queues: which open task waits in which candidate group (table {@code task_queue},
 * docs/adr/0013). The engine calls {@link #linked} and {@link #unlinked} whenever a group is added
 * to or removed from a task, including when a task ends; the rows are written on the command's own
 * connection, so they commit and roll back with the engine's change.
 * <p>
 * Tasks of a tenant are left out: Gongzu deploys without tenants, and the fast path that reads the
 * queues serves only users without tenants.
 */
public final class TaskQueue {

    private TaskQueue() {
    }

    public static void linked(Task task, String groupId) {
        if (groupId == null || task.getId() == null || task.getTenantId() != null) {
            return;
        }
        Timestamp created = new Timestamp(task.getCreateTime() == null ? System.currentTimeMillis()
                : task.getCreateTime().getTime());
        update("insert into task_queue (group_id, task_id, created) select ?, ?, ? where not exists "
                + "(select 1 from task_queue where group_id = ? and task_id = ?)",
                groupId, task.getId(), created, groupId, task.getId());
    }

    public static void unlinked(Task task, String groupId) {
        if (groupId != null && task.getId() != null) {
            update("delete from task_queue where group_id = ? and task_id = ?", groupId, task.getId());
        }
    }

    private static void update(String sql, Object... parameters) {
        CommandContext context = Context.getCommandContext();
        Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not update the department queue", e);
        }
    }
}
