package org.gongzu.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;

import org.flywaydb.core.Flyway;
import org.gongzu.GongzuApplication;
import org.gongzu.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of the version before ADRs 0013 and 0014 (Flyway at V2, history level full, one
 * authorization row per task and group) starts with this version: the stored history level becomes
 * Gongzu's, the per-task rows go and open tasks join their department queues. Runs in its own JVM.
 */
class UpgradeRunTest {

    @Test
    void aDatabaseOfThePreviousVersionIsMigrated() {
        String url = EmbeddedPostgresInitializer.newDatabaseUrl("gongzu_upgrade");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/camunda/postgresql", "classpath:db/migration")
                .target("2").load().migrate();
        JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        old.update("insert into ACT_GE_PROPERTY (NAME_, VALUE_, REV_) values ('historyLevel', '3', 1)");
        old.update("insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_) "
                + "values ('old-task', 1, '登记家庭成员信息', 50, ?, 1)", new Timestamp(System.currentTimeMillis()));
        old.update("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
                + "values ('old-link', 1, 'rc-110108015', 'candidate', 'old-task')");
        old.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
                + "values ('old-row', 1, 1, 'rc-110108015', 7, 'old-task', 2)");

        ConfigurableApplicationContext app = new SpringApplicationBuilder(GongzuApplication.class).profiles("prod").run(
                "--GONGZU_DB_URL=" + url, "--GONGZU_DB_USER=postgres", "--GONGZU_DB_PASSWORD=",
                "--GONGZU_ADMIN_USER=admin", "--GONGZU_ADMIN_PASSWORD=Gz-2026-Secure!pw",
                "--server.port=0", "--management.server.port=0");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class))
                    .isEqualTo("30");
            assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7 "
                    + "and RESOURCE_ID_ <> '*'", Long.class)).isZero();
            assertThat(jdbc.queryForList("select group_id from task_queue where task_id = 'old-task'", String.class))
                    .containsExactly("rc-110108015");
        } finally {
            app.close();
        }
    }
}
