package org.gongzu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The targets process owners set per step: the p90 of the time spent (hours) and the backlog per place. */
@Repository
class Thresholds {

    record Target(String elementId, Integer p90MaxHours, Integer backlogMax) {
    }

    private final JdbcTemplate jdbc;

    Thresholds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Target> of(String processKey) {
        Map<String, Target> targets = new LinkedHashMap<>();
        jdbc.query("select element_id, p90_max_hours, backlog_max from monitoring_threshold where process_key = ?"
                + " order by element_id", rs -> {
                    targets.put(rs.getString("element_id"), new Target(rs.getString("element_id"),
                            (Integer) rs.getObject("p90_max_hours", Integer.class),
                            (Integer) rs.getObject("backlog_max", Integer.class)));
                }, processKey);
        return targets;
    }

    Map<String, Map<String, Target>> all() {
        Map<String, Map<String, Target>> all = new LinkedHashMap<>();
        jdbc.queryForList("select distinct process_key from monitoring_threshold order by process_key", String.class)
                .forEach(key -> all.put(key, of(key)));
        return all;
    }

    void set(String processKey, String elementId, Integer p90MaxHours, Integer backlogMax, String userId, Instant now) {
        if (p90MaxHours == null && backlogMax == null) {
            jdbc.update("delete from monitoring_threshold where process_key = ? and element_id = ?", processKey, elementId);
            return;
        }
        if (jdbc.update("update monitoring_threshold set p90_max_hours = ?, backlog_max = ?, updated_by = ?, updated_at = ?"
                + " where process_key = ? and element_id = ?", p90MaxHours, backlogMax, userId, Timestamp.from(now),
                processKey, elementId) == 0) {
            jdbc.update("insert into monitoring_threshold (process_key, element_id, p90_max_hours, backlog_max, updated_by,"
                    + " updated_at) values (?, ?, ?, ?, ?, ?)", processKey, elementId, p90MaxHours, backlogMax, userId,
                    Timestamp.from(now));
        }
    }
}
