package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The case journal serves every case, not only households: a project's case, or the case of a
 * process a manager deployed, is journalled too (a hand-over records its case id). Drops the
 * journal's foreign key to {@code household}, whose name each database chose itself, so it is
 * looked up rather than written here.
 */
public class V6__Case_journal_for_every_case extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> constraints = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : List.of("case_journal", "CASE_JOURNAL")) {
            try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
                while (keys.next()) {
                    if ("household".equalsIgnoreCase(keys.getString("PKTABLE_NAME")) && keys.getString("FK_NAME") != null
                            && !constraints.contains(keys.getString("FK_NAME"))) {
                        constraints.add(keys.getString("FK_NAME"));
                    }
                }
            }
        }
        if (constraints.isEmpty()) {
            throw new IllegalStateException("case_journal has no foreign key to household to drop");
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : constraints) {
                statement.execute("alter table case_journal drop constraint \"" + constraint + "\"");
            }
        }
    }
}
