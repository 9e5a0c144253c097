package org.gongzu.project;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzu.identity.AccessBootstrap;
import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.gongzu.validation.Fields;
import org.gongzu.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a project's case: its registration by the district housing department (clause 4),
 * and the two moments of its life that processes start from, claimed once per project however many
 * households reach them at the same time, on however many nodes.
 */
@Service
@Transactional
public class ProjectService {

    /** Field keys of forms/project-registration.form, also the body of POST /api/projects. */
    public static final class RegistrationForm {
        public static final String PROJECT_ID = "projectId";
        public static final String PROJECT_NAME = "projectName";
        public static final String SUB_DISTRICT_CODE = "subDistrictCode";
        public static final String SUB_DISTRICT_NAME = "subDistrictName";
        public static final String OWNER_NAME = "ownerName";
        public static final String UNITS = "units";
        public static final String PLANNED_MOVE_IN_ON = "plannedMoveInOn";
        public static final String FACILITY_TYPES = "facilityTypes";
        public static final java.util.Set<String> ALL = java.util.Set.of(PROJECT_ID, PROJECT_NAME, SUB_DISTRICT_CODE,
                SUB_DISTRICT_NAME, OWNER_NAME, UNITS, PLANNED_MOVE_IN_ON, FACILITY_TYPES);

        private RegistrationForm() {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProjectService.class);
    /** Upper-case letters, digits and hyphens; household case ids (HH-…) are not project ids. */
    private static final Pattern PROJECT_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Pattern SUB_DISTRICT_CODE = Pattern.compile("[0-9]{9}");
    /** The policy dates from 2013: no project moved in before it. */
    private static final LocalDate EARLIEST_MOVE_IN = LocalDate.of(2013, 1, 1);

    private final ProjectRepository projects;
    private final PlaceRepository places;
    private final ApplicationEventPublisher events;
    private final AccessBootstrap access;
    private final Clock clock;

    ProjectService(ProjectRepository projects, PlaceRepository places, AccessBootstrap access,
            ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.projects = projects;
        this.places = places;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a project and its planned facilities. {@code callerGroups} are the groups of the user
     * who registers it (null when the system itself does): only the housing department of the
     * project's district, or an administrator, may. A sub-district not known yet is added.
     */
    public Project register(Map<String, ?> values, Collection<String> callerGroups, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        String id = fields.text(RegistrationForm.PROJECT_ID, "项目编号", 32);
        if (id != null && (!PROJECT_ID.matcher(id).matches() || id.startsWith("HH-"))) {
            fields.reject(RegistrationForm.PROJECT_ID, "项目编号", "只能由大写字母、数字和连字符组成（2至32位），且不能以 HH- 开头");
            id = null;
        }
        if (id != null && projects.exists(id)) {
            fields.reject(RegistrationForm.PROJECT_ID, "项目编号", "已登记过，不能重复登记");
        }
        String name = fields.text(RegistrationForm.PROJECT_NAME, "项目名称", 200);
        Place subDistrict = subDistrict(fields);
        String owner = fields.text(RegistrationForm.OWNER_NAME, "产权单位", 200);
        Integer units = fields.integer(RegistrationForm.UNITS, "房屋套数", 1, 100_000);
        LocalDate plannedMoveIn = fields.date(RegistrationForm.PLANNED_MOVE_IN_ON, "计划首次入住日期", EARLIEST_MOVE_IN,
                "2013年1月1日");
        List<FacilityType> facilities = fields.choices(RegistrationForm.FACILITY_TYPES, "规划配套设施", FacilityType.class);
        fields.check();
        String housing = Department.HOUSING.groupId(Place.districtOf(subDistrict.code()));
        if (callerGroups != null && !callerGroups.contains(housing) && !callerGroups.contains(Roles.ADMIN)) {
            throw new InvalidInputException(RegistrationForm.SUB_DISTRICT_CODE,
                    "「所在街道（乡镇）代码」不在您所在区住建委的辖区内，无权登记该项目");
        }
        if (places.find(subDistrict.code()).isEmpty()) {
            places.addSubDistrictIfAbsent(subDistrict.code(), subDistrict.name());
            // the new sub-district's departments get their groups at once, not at the next start
            access.ensureDepartments(subDistrict);
        }
        Project project = new Project(id, name, subDistrict.code(), owner, units, plannedMoveIn, null, null, null, null);
        projects.insert(project, facilities, userId, LocalDateTime.now(clock));
        LOG.info("Project {} registered in {} with {} planned facilities", id, subDistrict.code(), facilities.size());
        events.publishEvent(new ProjectEvents.Registered(project, facilities));
        return project;
    }

    /** The sub-district named by the form: a known one, or a new one of a known district. */
    private Place subDistrict(Fields fields) {
        String code = fields.text(RegistrationForm.SUB_DISTRICT_CODE, "所在街道（乡镇）代码", 9);
        String name = fields.text(RegistrationForm.SUB_DISTRICT_NAME, "所在街道（乡镇）名称", 100);
        if (code == null) {
            return null;
        }
        if (!SUB_DISTRICT_CODE.matcher(code).matches()) {
            fields.reject(RegistrationForm.SUB_DISTRICT_CODE, "所在街道（乡镇）代码", "应为9位数字");
            return null;
        }
        Optional<Place> district = places.find(Place.districtOf(code));
        if (district.isEmpty() || district.get().kind() != Place.Kind.DISTRICT) {
            fields.reject(RegistrationForm.SUB_DISTRICT_CODE, "所在街道（乡镇）代码", "前6位不是本市的区代码");
            return null;
        }
        Optional<Place> known = places.find(code);
        if (known.isPresent() && name != null && !known.get().name().equals(name)) {
            fields.reject(RegistrationForm.SUB_DISTRICT_NAME, "所在街道（乡镇）名称",
                    "与已登记的名称「" + known.get().name() + "」不一致");
        }
        return name == null ? null : new Place(code, name, Place.Kind.SUBDISTRICT, district.get().code());
    }

    public Optional<Project> find(String id) {
        return projects.find(id);
    }

    /** The project's sub-district, if the project exists. */
    public Optional<String> subDistrictOf(String projectId) {
        return projects.find(projectId).map(Project::subDistrictCode);
    }

    /**
     * A household of the project moved in; true if it is the project's first (then processes may
     * start). Confirmed again after being sent back, the first stays the first; its listeners take the
     * event again and do nothing new.
     */
    public boolean householdMovedIn(String projectId, String caseId, LocalDate movedInOn) {
        if (!projects.claimFirstMoveIn(projectId, caseId, movedInOn)) {
            return false;
        }
        Project project = projects.find(projectId).orElseThrow();
        events.publishEvent(new ProjectEvents.FirstMoveIn(project, caseId, movedInOn));
        return true;
    }

    /** A household of the project is registered in the community; true if it is the project's first. */
    public boolean householdRegistered(String projectId, String caseId) {
        LocalDate today = LocalDate.now(clock);
        if (!projects.claimFirstRegistration(projectId, caseId, today)) {
            return false;
        }
        Project project = projects.find(projectId).orElseThrow();
        LOG.info("Project {}: first household registered ({})", projectId, caseId);
        events.publishEvent(new ProjectEvents.FirstHouseholdRegistered(project, caseId, today));
        return true;
    }
}
