package org.gongzu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.gongzu.project.FacilityType;
import org.gongzu.project.ProjectService;
import org.gongzu.project.ProjectService.RegistrationForm;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The zero-setup run's demo: two districts with one sub-district and one housing project each, a
 * second project in 学院路 with every facility type planned (its handovers under way), and one user
 * per department of each district (password "demo"). Only with gongzu.demo-data=true, which only the
 * demo profile sets. The README lists the users.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gongzu.demo-data", havingValue = "true")
class DemoData {

    static final String PASSWORD = "demo";
    static final String OWNER = "北京市保障性住房建设投资中心";

    /** A demo district: user-id prefix, its sub-district and the project there. */
    record DemoDistrict(String prefix, String subDistrictCode, String subDistrictName, String projectId,
            String projectName) {
    }

    static final List<DemoDistrict> DISTRICTS = List.of(
            new DemoDistrict("hd", "110108015", "海淀区学院路街道", "HD-XYL-01", "学院路公租房项目"),
            new DemoDistrict("cy", "110105028", "朝阳区望京街道", "CY-WJ-01", "望京公租房项目"));

    @Bean
    @Order(5)
    ApplicationRunner demoPlacesAndProjects(PlaceRepository places, JdbcTemplate jdbc) {
        return args -> {
            for (DemoDistrict d : DISTRICTS) {
                places.addSubDistrictIfAbsent(d.subDistrictCode(), d.subDistrictName());
                if (jdbc.queryForObject("select count(*) from housing_project where id = ?", Integer.class,
                        d.projectId()) == 0) {
                    // projects whose facilities were handed over before Gongzu: no handovers to run
                    jdbc.update("insert into housing_project (id, name, sub_district_code, owner_name, units) values (?, ?, ?, ?, ?)",
                            d.projectId(), d.projectName(), d.subDistrictCode(), OWNER, 400);
                }
            }
        };
    }

    /** A project still being built, with every facility type planned: the handovers to walk through. */
    static final String NEW_PROJECT_ID = "HD-XYL-02";

    /**
     * Registers {@link #NEW_PROJECT_ID} as its district housing department would, so that its
     * facility handovers start. Off in the shared test context, whose tests count department queues.
     */
    @Bean
    @Order(6)
    @ConditionalOnProperty(name = "gongzu.demo-project-with-facilities", havingValue = "true", matchIfMissing = true)
    ApplicationRunner demoProjectWithFacilities(ProjectService projects, Clock clock) {
        return args -> {
            if (projects.find(NEW_PROJECT_ID).isPresent()) {
                return;
            }
            DemoDistrict d = DISTRICTS.get(0);
            Map<String, Object> form = new HashMap<>();
            form.put(RegistrationForm.PROJECT_ID, NEW_PROJECT_ID);
            form.put(RegistrationForm.PROJECT_NAME, "学院路二期公租房项目");
            form.put(RegistrationForm.SUB_DISTRICT_CODE, d.subDistrictCode());
            form.put(RegistrationForm.SUB_DISTRICT_NAME, d.subDistrictName());
            form.put(RegistrationForm.OWNER_NAME, OWNER);
            form.put(RegistrationForm.UNITS, 600);
            form.put(RegistrationForm.PLANNED_MOVE_IN_ON, LocalDate.now(clock).plusDays(60).toString());
            form.put(RegistrationForm.FACILITY_TYPES, Arrays.stream(FacilityType.values()).map(Enum::name).toList());
            projects.register(form, null, null);
        };
    }

    @Bean
    @Order(20)
    ApplicationRunner demoUsers(IdentityService identity, PlaceRepository places) {
        return args -> {
            for (DemoDistrict d : DISTRICTS) {
                Place subDistrict = places.find(d.subDistrictCode()).orElseThrow();
                Place district = places.find(Place.districtOf(d.subDistrictCode())).orElseThrow();
                for (Department department : Department.values()) {
                    Place place = department.level() == Place.Kind.DISTRICT ? district : subDistrict;
                    user(identity, d.prefix() + department.code(), department.groupName(place), "演示用户",
                            department.groupId(place), Roles.STAFF);
                }
            }
            // a leader of 学院路's residents' committee: receives its escalations (docs/adr/0026)
            Place xueyuanlu = places.find(DISTRICTS.get(0).subDistrictCode()).orElseThrow();
            String committee = Department.RESIDENTS_COMMITTEE.groupId(xueyuanlu);
            user(identity, DISTRICTS.get(0).prefix() + "rcleader", Department.RESIDENTS_COMMITTEE.groupName(xueyuanlu)
                    + " 负责人", "演示用户", committee, Roles.leadersOf(committee), Roles.STAFF);
            user(identity, "supervisor", "市级监督", "演示用户", Roles.SUPERVISOR);
            for (DemoDistrict d : DISTRICTS) {
                Place district = places.find(Place.districtOf(d.subDistrictCode())).orElseThrow();
                user(identity, d.prefix() + "supervisor", district.name() + " 区级监督", "演示用户",
                        Roles.districtSupervisor(district.code()));
            }
            user(identity, "manager", "流程管理员", "演示用户", Roles.PROCESS_MANAGER);
        };
    }

    private static void user(IdentityService identity, String id, String firstName, String lastName, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(PASSWORD);
        // every demo user can be mailed: the mail catcher of docker/compose.yaml shows what they get
        user.setEmail(id + "@gongzu.example");
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }
}
