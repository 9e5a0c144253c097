package org.gongzu.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseAccess;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.identity.Department;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.gongzu.webapp.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A project's case as the departments on it and supervisors read it: facilities with their
 * handover state, the milestones of the committee setup with their deadlines, households moved in,
 * the open steps of its processes and its journal. The same view answers HTTP Basic on /api and
 * the webapps' session under their /api (so Tasklist's project tab needs no second login).
 */
@RestController
public class ProjectController {

    static final String NOT_FOUND = "没有找到该项目，或您无权查看";
    private static final int MAX_OPEN_STEPS = 200;

    private final ProjectRepository projects;
    private final HouseholdRepository households;
    private final PlaceRepository places;
    private final CaseJournal journal;
    private final CaseAccess access;
    private final ProcessEngine engine;
    private final Callers callers;

    ProjectController(Callers callers, ProjectRepository projects, HouseholdRepository households, PlaceRepository places,
            CaseJournal journal, CaseAccess access, ProcessEngine engine) {
        this.projects = projects;
        this.households = households;
        this.places = places;
        this.journal = journal;
        this.access = access;
        this.engine = engine;
        this.callers = callers;
    }

    public record PlaceView(String code, String name) {
    }

    public record FacilityView(String type, String typeName, String receivingDepartment, String receivingDepartmentName,
            Boolean requiredAtMoveIn, String status, String statusName, LocalDate preparedOn, LocalDate acceptedOn,
            LocalDate inUseOn, String defects, boolean late) {
    }

    public record MilestoneView(String code, String name, LocalDate dueOn, LocalDate doneOn, boolean late) {
    }

    public record HouseholdsView(int total, long movedIn, long registered, List<Map<String, Object>> items) {
    }

    public record StepView(String name, String process, Date created, Date due, List<String> departments) {
    }

    public record ProjectView(String id, String name, String ownerName, Integer units, LocalDate plannedMoveInOn,
            PlaceView district, PlaceView subDistrict, String firstMoveInCaseId, LocalDate firstMovedInOn,
            String firstRegisteredCaseId, LocalDate firstRegisteredOn, List<FacilityView> facilities,
            List<MilestoneView> milestones, HouseholdsView households, List<StepView> openSteps,
            List<Map<String, Object>> journal) {
    }

    /** For HTTP Basic clients, and for the webapps with their session (a GET: no CSRF token to check). */
    @GetMapping({"/api/projects/{id}", "${camunda.bpm.webapp.application-path:/camunda}/api/gongzu/projects/{id}"})
    ProjectView byCaller(@PathVariable String id, HttpServletRequest request) {
        return view(id, callers.of(request).groups());
    }

    /** The project's case as a reader in these groups sees it; 404 if it does not exist or is not theirs. */
    public ProjectView view(String id, List<String> groups) {
        Project p = projects.find(id).orElse(null);
        if (p == null || access.project(p.subDistrictCode(), groups) == CaseAccess.Level.NONE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
        }
        Place subDistrict = places.find(p.subDistrictCode()).orElseThrow();
        Place district = places.find(p.districtCode()).orElseThrow();
        List<FacilityView> facilities = projects.facilities(id).stream().map(f -> {
            Optional<Department> department = Optional.ofNullable(f.receivingDepartment()).flatMap(Department::ofCode);
            String departmentName = department.map(d -> d.groupName(d.level() == Place.Kind.DISTRICT ? district
                    : subDistrict)).orElse(null);
            return new FacilityView(f.type().name(), f.type().chineseName(), f.receivingDepartment(), departmentName,
                    f.requiredAtMoveIn(), f.status().name(), f.status().chineseName(), f.preparedOn(), f.acceptedOn(),
                    f.inUseOn(), f.defects(), f.late());
        }).toList();
        List<MilestoneView> milestones = projects.milestones(id).stream()
                .map(m -> new MilestoneView(m.code(), m.name(), m.dueOn(), m.doneOn(), m.late())).toList();
        List<Map<String, Object>> items = households.ofProject(id);
        HouseholdsView householdsView = new HouseholdsView(items.size(),
                items.stream().filter(h -> h.get("moved_in_on") != null).count(),
                items.stream().filter(h -> "REGISTERED".equals(h.get("status"))).count(), items);
        return new ProjectView(p.id(), p.name(), p.ownerName(), p.units(), p.plannedMoveInOn(),
                new PlaceView(district.code(), district.name()), new PlaceView(subDistrict.code(), subDistrict.name()),
                p.firstMoveInCaseId(), p.firstMovedInOn(), p.firstRegisteredCaseId(), p.firstRegisteredOn(),
                facilities, milestones, householdsView, openSteps(id), journal.entries(id));
    }

    /**
     * The open user tasks of the project's processes, whichever department holds them. Read by the
     * system: the reader's right to the case was decided above, and the step list shows no task data.
     */
    private List<StepView> openSteps(String projectId) {
        return callers.asSystem(() -> {
            List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(projectId)
                    .orderByTaskCreateTime().asc().listPage(0, MAX_OPEN_STEPS);
            Map<String, String> processNames = new HashMap<>();
            Map<String, String> groupNames = new HashMap<>();
            List<StepView> steps = new ArrayList<>();
            for (Task task : tasks) {
                List<String> departments = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull)
                        .map(group -> groupNames.computeIfAbsent(group, callers::groupName)).sorted().toList();
                steps.add(new StepView(task.getName(), callers.processName(processNames, task.getProcessDefinitionId()),
                        task.getCreateTime(), task.getDueDate(), departments));
            }
            return steps;
        });
    }
}
