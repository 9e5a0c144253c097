package org.gongzu.caseview;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.gongzu.casefile.CaseAccess;
import org.gongzu.casefile.CaseDepartments;
import org.gongzu.casefile.CaseDocument;
import org.gongzu.casefile.CaseDocuments;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.casefile.CaseProcesses;
import org.gongzu.casefile.HouseholdFields;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.HouseholdView;
import org.gongzu.project.Project;
import org.gongzu.project.ProjectController;
import org.gongzu.project.ProjectRepository;
import org.gongzu.project.ProjectController.ProjectView;
import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The whole case beside a task, for any case the case core knows (a household or a project): what
 * it is, the steps done (who, which department, when, what they recorded), the processes of the
 * case and where each waits, and its documents. What a reader sees is {@link CaseAccess}'s decision.
 */
@Component
class CaseViews {

    static final String NOT_FOUND = "没有找到该案卷，或您无权查看";
    private static final int MAX_STEPS = 200;

    private final HouseholdRepository households;
    private final ProjectRepository projectRepository;
    private final ProjectController projects;
    private final CaseAccess access;
    private final CaseDepartments departments;
    private final CaseDocuments documents;
    private final CaseJournal journal;
    private final CaseProcesses caseProcesses;
    private final ProcessEngine engine;
    private final Callers callers;
    private final org.gongzu.place.PlaceRepository places;

    CaseViews(org.gongzu.place.PlaceRepository places, HouseholdRepository households, ProjectRepository projectRepository, ProjectController projects, CaseAccess access, CaseDepartments departments,
            CaseDocuments documents, CaseJournal journal, CaseProcesses caseProcesses, ProcessEngine engine, Callers callers) {
        this.caseProcesses = caseProcesses;
        this.households = households;
        this.projectRepository = projectRepository;
        this.projects = projects;
        this.access = access;
        this.departments = departments;
        this.documents = documents;
        this.journal = journal;
        this.engine = engine;
        this.callers = callers;
        this.places = places;
    }

    record DoneStep(String name, String process, List<String> departments, String user, Date finished) {
    }

    record DocumentView(long id, String kind, String kindName, String fileName, String contentType, long sizeBytes,
            String uploadedBy, String uploadedAt) {

        static DocumentView of(CaseDocument d) {
            return new DocumentView(d.id(), d.kind().name(), d.kind().chineseName(), d.fileName(), d.contentType(),
                    d.sizeBytes(), d.uploadedBy(), d.uploadedAt().toString());
        }
    }

    /** The case; {@code readerGroups} are the reader's own groups, so the page tells their department's steps (no 催办). */
    record CaseView(String caseId, String kind, HouseholdView household, ProjectView project, List<DoneStep> stepsDone,
            List<CaseProcesses.State> processes, List<DocumentView> documents, List<Map<String, Object>> journal,
            List<String> readerGroups) {
    }

    /** A case in one line: the household head as the reader may see it (and the unit), or the project. */
    record Summary(String title, String place) {
    }

    Summary summary(String caseId, Caller caller) {
        if (isHousehold(caseId)) {
            Household household = households.find(caseId).orElse(null);
            if (household == null) {
                return null;
            }
            HouseholdFields fields = access.household(caller.groups(), departments.of(caseId), household.districtCode())
                    .orElse(null);
            String head = fields != null && fields.headName() ? household.headName() + " " : "";
            return new Summary(head + household.unitNo(), placeName(household.subDistrictCode()));
        }
        if (isProject(caseId)) {
            return projectRepository.find(caseId).map(p -> new Summary(p.name(), placeName(p.subDistrictCode()))).orElse(null);
        }
        // a case of its own kind (a job opening, a breached target): what its first process is about
        return callers.asSystem(() -> caseProcesses.of(caseId)).stream().findFirst()
                .map(p -> new Summary(p.subject() == null ? p.name() : p.subject(), "")).orElse(null);
    }

    private boolean isProject(String caseId) {
        return projectPlaceOrNull(caseId) != null;
    }

    private String placeName(String code) {
        return places.find(code).map(org.gongzu.place.Place::name).orElse(code);
    }

    static boolean isHousehold(String caseId) {
        return caseId.startsWith("HH-");
    }

    CaseView view(String caseId, Caller caller) {
        if (isHousehold(caseId)) {
            Set<String> onCase = departments.of(caseId);
            Household found = households.find(caseId).orElse(null);
            HouseholdFields fields = found == null ? null
                    : access.household(caller.groups(), onCase, found.districtCode()).orElse(null);
            Household household = fields == null ? null : found;
            if (household == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
            }
            return callers.asSystem(() -> new CaseView(caseId, "HOUSEHOLD",
                    HouseholdView.of(household, households.members(caseId), fields), null, stepsDone(caseId),
                    processes(caseId), documents(caseId), journal.entries(caseId), caller.groups()));
        }
        if (!isProject(caseId)) {
            // any other case (a job opening, a breached target) for the departments its tasks went to
            if (!access.documents(caller.groups(), departments.of(caseId)) || !exists(caseId)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
            }
            return callers.asSystem(() -> new CaseView(caseId, "OTHER", null, null, stepsDone(caseId), processes(caseId),
                    documents(caseId), journal.entries(caseId), caller.groups()));
        }
        ProjectView project = projects.view(caseId, caller.groups());
        return callers.asSystem(() -> new CaseView(caseId, "PROJECT", null, project, stepsDone(caseId), processes(caseId),
                documents(caseId), project.journal(), caller.groups()));
    }

    /** Whether the caller may read the case's documents (403 otherwise, for a case that exists). */
    boolean mayReadDocuments(String caseId, Caller caller) {
        if (isHousehold(caseId)) {
            return access.documents(caller.groups(), departments.of(caseId),
                    households.find(caseId).map(Household::districtCode).orElse(null));
        }
        return !isProject(caseId) ? access.documents(caller.groups(), departments.of(caseId))
                : access.project(projectPlace(caseId), caller.groups()) != CaseAccess.Level.NONE;
    }

    boolean mayAttach(String caseId, Caller caller) {
        if (isHousehold(caseId) || !isProject(caseId)) {
            return access.attach(caller.groups(), departments.of(caseId));
        }
        return access.project(projectPlace(caseId), caller.groups()) != CaseAccess.Level.NONE
                && !caller.groups().contains(org.gongzu.identity.Roles.SUPERVISOR)
                && caller.groups().stream().noneMatch(g -> g.startsWith(org.gongzu.identity.Roles.DISTRICT_SUPERVISOR_PREFIX));
    }

    boolean exists(String caseId) {
        if (isHousehold(caseId)) {
            return households.find(caseId).isPresent();
        }
        return isProject(caseId) || callers.asSystem(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).count()) > 0;
    }

    private String projectPlace(String caseId) {
        String place = projectPlaceOrNull(caseId);
        if (place == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
        }
        return place;
    }

    private String projectPlaceOrNull(String caseId) {
        return projectRepository.find(caseId).map(Project::subDistrictCode).orElse(null);
    }

    private List<DocumentView> documents(String caseId) {
        return documents.list(caseId).stream().map(DocumentView::of).toList();
    }

    private List<DoneStep> stepsDone(String caseId) {
        List<HistoricTaskInstance> done = engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(caseId).finished().orderByHistoricTaskInstanceEndTime().asc()
                .listPage(0, MAX_STEPS);
        Map<String, String> processNames = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<DoneStep> steps = new ArrayList<>();
        for (HistoricTaskInstance task : done) {
            List<String> groups = engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(task.getId())
                    .type("candidate").list().stream().map(HistoricIdentityLinkLog::getGroupId)
                    .filter(java.util.Objects::nonNull).distinct().map(callers::groupName).sorted().toList();
            steps.add(new DoneStep(task.getName(), callers.processName(processNames, task.getProcessDefinitionId()), groups,
                    task.getAssignee() == null ? null : names.computeIfAbsent(task.getAssignee(), callers::userName),
                    task.getEndTime()));
        }
        return steps;
    }

    private List<CaseProcesses.State> processes(String caseId) {
        return caseProcesses.of(caseId);
    }
}
