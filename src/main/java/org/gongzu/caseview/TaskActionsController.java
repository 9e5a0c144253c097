package org.gongzu.caseview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.validation.Fields;
import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What Chinese office staff expect around a task, beside Camunda's Tasklist: 已办 (the tasks I
 * finished and where their cases are now), 转办 with a reason, and 退回 to the previous department
 * where the model has a return path (a boundary message event {@code Return_<task id>} on the task).
 * Each answers under /api (HTTP Basic) and the webapps' /api/gongzu (session).
 */
@RestController
class TaskActionsController {

    private static final String BASIC = "/api/tasks";
    private static final String SESSION = "${camunda.bpm.webapp.application-path:/camunda}/api/gongzu/tasks";
    static final String RETURN_MESSAGE_PREFIX = "Return_";
    static final String TASK_NOT_YOURS = "该任务已不存在，或您无权办理";
    private static final int MAX_DONE = 100;

    private final ProcessEngine engine;
    private final Callers callers;
    private final CaseViews views;
    private final CaseJournal journal;

    TaskActionsController(ProcessEngine engine, Callers callers, CaseViews views, CaseJournal journal) {
        this.engine = engine;
        this.callers = callers;
        this.views = views;
        this.journal = journal;
    }

    record DoneTask(String taskId, String name, String process, String caseId, Date finished, boolean caseEnded,
            List<String> caseWaitsAt) {
    }

    record DonePage(long total, List<DoneTask> tasks) {
    }

    /** 已办: the tasks the caller finished, newest first, with where each case waits now. */
    @GetMapping({BASIC + "/done", SESSION + "/done"})
    DonePage done(@RequestParam(defaultValue = "0") int firstResult, @RequestParam(defaultValue = "20") int maxResults,
            HttpServletRequest request) {
        Caller caller = callers.of(request);
        int first = Math.max(0, firstResult);
        int max = Math.max(1, Math.min(MAX_DONE, maxResults));
        return callers.asSystem(() -> {
            var query = engine.getHistoryService().createHistoricTaskInstanceQuery().taskAssignee(caller.userId())
                    .finished();
            long total = query.count();
            List<HistoricTaskInstance> tasks = query.orderByHistoricTaskInstanceEndTime().desc().listPage(first, max);
            Set<String> instanceIds = tasks.stream().map(HistoricTaskInstance::getProcessInstanceId)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, HistoricProcessInstance> instances = instanceIds.isEmpty() ? Map.of()
                    : engine.getHistoryService().createHistoricProcessInstanceQuery()
                            .processInstanceIds(instanceIds).list().stream()
                            .collect(Collectors.toMap(HistoricProcessInstance::getId, i -> i));
            Map<String, List<String>> waiting = new HashMap<>();
            if (!instanceIds.isEmpty()) {
                engine.getTaskService().createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new))
                        .listPage(0, 500).forEach(t -> waiting.computeIfAbsent(t.getProcessInstanceId(),
                                k -> new ArrayList<>()).add(t.getName()));
            }
            Map<String, String> processNames = new HashMap<>();
            List<DoneTask> done = tasks.stream().map(t -> {
                HistoricProcessInstance instance = instances.get(t.getProcessInstanceId());
                return new DoneTask(t.getId(), t.getName(), callers.processName(processNames, t.getProcessDefinitionId()),
                        instance == null ? null : instance.getBusinessKey(), t.getEndTime(),
                        instance != null && instance.getEndTime() != null,
                        waiting.getOrDefault(t.getProcessInstanceId(), List.of()));
            }).toList();
            return new DonePage(total, done);
        });
    }

    record Card(String taskId, String caseId, String title, String place, Date due) {
    }

    /**
     * What tells a department's tasks apart in its list: the case number, the household head (as the
     * department may see it) or the project, the place and the due date. Tasks the caller cannot see
     * are left out.
     */
    @GetMapping({BASIC + "/cards", SESSION + "/cards"})
    List<Card> cards(@RequestParam List<String> ids, HttpServletRequest request) {
        Caller caller = callers.of(request);
        List<String> wanted = ids.stream().limit(50).toList();
        List<Task> tasks = callers.as(caller, () -> engine.getTaskService().createTaskQuery()
                .taskIdIn(wanted.toArray(String[]::new)).listPage(0, 50));
        return callers.asSystem(() -> {
            // one query for the cases of all tasks, one summary per case
            Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            Map<String, String> caseOfInstance = instanceIds.isEmpty() ? Map.of()
                    : engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                            .stream().filter(p -> p.getBusinessKey() != null)
                            .collect(Collectors.toMap(p -> p.getId(), p -> p.getBusinessKey()));
            Map<String, Optional<CaseViews.Summary>> summaries = new HashMap<>();
            List<Card> cards = new ArrayList<>();
            for (Task task : tasks) {
                String caseId = caseOfInstance.get(task.getProcessInstanceId());
                CaseViews.Summary summary = caseId == null ? null : summaries.computeIfAbsent(caseId,
                        id -> Optional.ofNullable(views.summary(id, caller))).orElse(null);
                cards.add(new Card(task.getId(), caseId, summary == null ? null : summary.title(),
                        summary == null ? null : summary.place(), task.getDueDate()));
            }
            return cards;
        });
    }

    record Colleague(String userId, String name) {
    }

    record TaskActions(String taskId, String returnTo, List<Colleague> colleagues) {
    }

    /** What the caller may do with a task beside completing it: 退回 (if the model allows), 转办 to whom. */
    @GetMapping({BASIC + "/{taskId}/actions", SESSION + "/{taskId}/actions"})
    TaskActions actions(@PathVariable String taskId, HttpServletRequest request) {
        Caller caller = callers.of(request);
        Task task = visibleTask(taskId, caller);
        return callers.asSystem(() -> new TaskActions(taskId, returnPath(task).map(BoundaryEvent::getName).orElse(null),
                colleagues(task, caller)));
    }

    record HandOver(String userId, String reason) {
    }

    /** 转办: to a named colleague of the task's department and place, with a reason kept on the case. */
    @PostMapping({BASIC + "/{taskId}/hand-over", SESSION + "/{taskId}/hand-over"})
    TaskActions handOver(@PathVariable String taskId, @RequestBody HandOver body, HttpServletRequest request) {
        Caller caller = callers.of(request);
        Fields fields = new Fields(Map.of("userId", body.userId() == null ? "" : body.userId(),
                "reason", body.reason() == null ? "" : body.reason()), java.time.LocalDate.now());
        String colleague = fields.text("userId", "转办给", 64);
        String reason = fields.requiredNote("reason", "转办理由", 500);
        if (caller.userId().equals(colleague)) {
            fields.reject("userId", "转办给", "不能是您本人");
        }
        fields.check();
        Task task = visibleTask(taskId, caller);
        // the engine's assignment rules decide: same department and place, only one's own or unassigned tasks
        callers.as(caller, () -> {
            engine.getTaskService().setAssignee(taskId, colleague);
            return null;
        });
        caseOf(task).ifPresent(caseId -> journal.record(caseId, "HANDOVER_REASON", caller.userId(),
                "「" + task.getName() + "」转办给" + colleague + "，理由：" + reason));
        return actions(taskId, request);
    }

    record Return(String reason) {
    }

    /** 退回: back to the department before, along the return path the model gives this step. */
    @PostMapping({BASIC + "/{taskId}/return", SESSION + "/{taskId}/return"})
    Map<String, String> sendBack(@PathVariable String taskId, @RequestBody Return body, HttpServletRequest request) {
        Caller caller = callers.of(request);
        Fields fields = new Fields(Map.of("reason", body.reason() == null ? "" : body.reason()), java.time.LocalDate.now());
        String reason = fields.requiredNote("reason", "退回理由", 500);
        fields.check();
        Task task = visibleTask(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "该任务已由其他人员认领，只有办理人本人可以退回");
        }
        boolean works = caller.userId().equals(task.getAssignee()) || callers.asSystem(() -> engine.getTaskService()
                .getIdentityLinksForTask(taskId).stream().anyMatch(l -> l.getGroupId() != null
                        && caller.groups().contains(l.getGroupId())));
        if (!works) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有办理该环节的部门可以退回");
        }
        BoundaryEvent path = callers.asSystem(() -> returnPath(task)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.CONFLICT, "该环节不能退回"));
        callers.asSystem(() -> engine.getRuntimeService().createMessageCorrelation(RETURN_MESSAGE_PREFIX
                + task.getTaskDefinitionKey()).processInstanceId(task.getProcessInstanceId()).correlateWithResult());
        caseOf(task).ifPresent(caseId -> journal.record(caseId, "RETURNED", caller.userId(),
                "「" + task.getName() + "」" + path.getName() + "，理由：" + reason));
        return Map.of("taskId", taskId, "returnedTo", path.getName());
    }

    /** The task, if the caller's departments (or the caller) hold it; 404 otherwise. */
    private Task visibleTask(String taskId, Caller caller) {
        Task task = callers.as(caller, () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, TASK_NOT_YOURS);
        }
        return task;
    }

    private Optional<BoundaryEvent> returnPath(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return Optional.empty();
        }
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
        String message = RETURN_MESSAGE_PREFIX + task.getTaskDefinitionKey();
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getAttachedTo() != null
                        && event.getAttachedTo().getId().equals(task.getTaskDefinitionKey()))
                .filter(event -> event.getEventDefinitions().stream().anyMatch(d -> d instanceof MessageEventDefinition m
                        && m.getMessage() != null && message.equals(m.getMessage().getName())))
                .findFirst();
    }

    /** The caller's colleagues in the task's departments: those a 转办 may go to. */
    private List<Colleague> colleagues(Task task, Caller caller) {
        Collection<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null && caller.groups().contains(g)).toList();
        Map<String, Colleague> found = new java.util.TreeMap<>();
        for (String group : groups) {
            for (User user : engine.getIdentityService().createUserQuery().memberOfGroup(group).listPage(0, 200)) {
                if (!user.getId().equals(caller.userId())) {
                    found.put(user.getId(), new Colleague(user.getId(), callers.userName(user.getId())));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private Optional<String> caseOf(Task task) {
        return callers.asSystem(() -> Optional.ofNullable(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult()).map(p -> p.getBusinessKey()));
    }
}
