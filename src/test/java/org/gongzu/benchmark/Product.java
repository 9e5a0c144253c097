package org.gongzu.benchmark;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gongzu.GongzuApplication;
import org.gongzu.identity.AccessBootstrap;
import org.gongzu.place.PlaceRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application as it runs (demo profile for its places and administrator, on PostgreSQL),
 * with the SQL statements its DataSource sends counted. {@code settings} are further
 * {@code --name=value} properties, e.g. {@code --gongzu.monitoring.record=false}.
 */
final class Product implements AutoCloseable {

    static final String PASSWORD = "bench-Passw0rd";
    /** An unused district code range of 海淀区 for the benchmark's sub-districts. */
    static final String DISTRICT = "110108";

    final ConfigurableApplicationContext app;
    final CountingDataSource sql = new CountingDataSource();
    final String base;

    Product(BenchDatabase db, String... settings) {
        // added by hand, not as a bean: the tests' component scan must never see it
        BeanPostProcessor counting = new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && name.equals("dataSource") ? sql.wrap(ds) : bean;
            }
        };
        app = new SpringApplicationBuilder(GongzuApplication.class).profiles("demo")
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(counting))
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                        "--server.port=0", "--management.server.port=0", "--logging.level.root=WARN",
                        "--gongzu.demo-on-any-database=true", "--spring.datasource.hikari.maximum-pool-size=10"),
                        java.util.Arrays.stream(settings)).toArray(String[]::new));
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** The 9-digit code of the benchmark's i-th sub-district. */
    static String subDistrict(int i) {
        return DISTRICT + String.format("%03d", 900 + i);
    }

    /** Adds sub-districts 0..count-1 and lets AccessBootstrap create their department groups. */
    void addSubDistricts(int count) {
        PlaceRepository places = bean(PlaceRepository.class);
        for (int i = 0; i < count; i++) {
            places.addSubDistrictIfAbsent(subDistrict(i), "压测街道" + i);
        }
        bean(AccessBootstrap.class).ensureAll();
    }

    /** A user with the benchmark password in the given groups. */
    void user(String id, List<String> groups) {
        IdentityService identity = bean(IdentityService.class);
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("压测");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    void insertProject(String id, String subDistrict, boolean occupied) {
        // occupied: its first household moved in and registered before, so no project process starts
        jdbc().update("insert into housing_project (id, name, sub_district_code, owner_name, first_move_in_case_id,"
                + " first_registered_case_id) values (?, ?, ?, ?, ?, ?)", id, "压测项目 " + id, subDistrict, "压测产权单位",
                occupied ? "EARLIER" : null, occupied ? "EARLIER" : null);
    }

    @Override
    public void close() {
        app.close();
    }
}
