package org.gongzu.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.gongzu.casefile.CaseVariables;
import org.gongzu.identity.Department;
import org.gongzu.place.Place;
import org.gongzu.routing.TaskRoutingListener;

/**
 * The product's processes as the history generator writes them: which share of the cases each
 * takes, the paths a case takes through the model (element ids of the deployed BPMN, loops
 * included), how long each user task takes (log-normal: median and spread) and how often it has a
 * due date. What the engine knows about each element (type, name, scope, async, the task's name and
 * description, the message subscriptions) is read from the deployed definitions, and each task's
 * departments from the routing table, so the rows look as the engine writes them.
 */
final class HistoryShapes {

    enum Level {
        /** a household's case: business key HH-…, place = the household's sub-district */
        HOUSEHOLD,
        /** a project's case (its facilities, its committee, its job openings) */
        PROJECT
    }

    /** A user task's time: log-normal with this median (hours) and sigma; a due date {@code dueDays} after creation on a share of the tasks. */
    record Timing(double medianHours, double sigma, int dueDays, double dueShare) {
    }

    /** One process: its share of all cases, whether cases may still be open, how a case goes through it. */
    record Spec(String key, double share, Level level, boolean mayBeOpen, Function<SplittableRandom, List<String>> path,
            Map<String, Timing> timings) {
    }

    /** Marks a user task that a boundary event interrupts (the element after it). */
    static final String INTERRUPTED = "!";

    static List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        String[] moveIn = {"StartEvent_LeaseSigned", "Task_ConfirmMoveIn", "Task_RegisterMembers", "Gateway_Hukou"};
        String[] moveInEnd = {"Gateway_HukouJoin", "Task_RegisterInCommunity", "EndEvent_HouseholdRegistered"};
        specs.add(new Spec("TenantMoveIn", 0.610, Level.HOUSEHOLD, true, r -> {
            double p = r.nextDouble();
            List<String> path = new ArrayList<>();
            if (p < 0.12) { // the committee returned the move-in to the owner once
                path.addAll(List.of("StartEvent_LeaseSigned", "Task_ConfirmMoveIn", "Task_RegisterMembers" + INTERRUPTED,
                        "BoundaryEvent_ReturnToOwner", "Task_ConfirmMoveIn", "Task_RegisterMembers", "Gateway_Hukou"));
            } else {
                path.addAll(List.of(moveIn));
            }
            path.add(r.nextDouble() < 0.72 ? "Task_ConfirmActualPopulation" : "Task_RegisterFloatingPopulation");
            path.addAll(List.of(moveInEnd));
            return path;
        }, Map.of("Task_ConfirmMoveIn", new Timing(20, 0.9, 3, 0.3),
                "Task_RegisterMembers", new Timing(50, 1.0, 7, 0.5),
                "Task_ConfirmActualPopulation", new Timing(90, 1.1, 10, 0.5),
                "Task_RegisterFloatingPopulation", new Timing(240, 0.9, 15, 0.5))));
        specs.add(new Spec("HouseholdMembersChange", 0.110, Level.HOUSEHOLD, true,
                r -> List.of("StartEvent_ChangeRequested", "Task_UpdateMembers", "EndEvent_MembersUpdated"),
                Map.of("Task_UpdateMembers", new Timing(36, 1.0, 5, 0.4))));
        specs.add(new Spec("UnemploymentRegistration", 0.080, Level.HOUSEHOLD, true, r -> {
            List<String> path = new ArrayList<>(List.of("StartEvent_MemberUnemployed", "BusinessRuleTask_CheckEligibility",
                    "Gateway_Eligible"));
            if (r.nextDouble() < 0.1) {
                path.addAll(List.of("Task_RecordRefusal", "EndEvent_RegistrationRefused"));
                return path;
            }
            path.add("Task_RegisterUnemployment");
            int followUps = 1 + r.nextInt(6);
            for (int i = 0; i < followUps; i++) {
                path.addAll(List.of("TimerEvent_FollowUpDue", "Task_FollowUp", "Gateway_FollowUpResult"));
            }
            path.add(r.nextDouble() < 0.8 ? "EndEvent_Employed" : "EndEvent_RegistrationEnded");
            return path;
        }, Map.of("Task_RegisterUnemployment", new Timing(40, 0.8, 5, 1.0),
                "Task_FollowUp", new Timing(70, 0.9, 7, 0.5))));
        specs.add(new Spec("SchoolEnrollment", 0.070, Level.HOUSEHOLD, true, r -> {
            List<String> path = new ArrayList<>(List.of("StartEvent_EnrollmentOpened", "BusinessRuleTask_DecideEligibility",
                    "Gateway_Covered"));
            double p = r.nextDouble();
            if (p < 0.08) {
                path.add("EndEvent_NotCovered");
                return path;
            }
            path.addAll(List.of("Task_ConfirmApplication", "Gateway_FamilyApplies"));
            if (p < 0.15) {
                path.add("EndEvent_FamilyDeclined");
                return path;
            }
            path.addAll(List.of("Task_AssignSchool", "Gateway_Verified"));
            if (p < 0.20) {
                path.add("EndEvent_Refused");
                return path;
            }
            path.addAll(List.of("Task_ConfirmPlace", "Gateway_PlaceConfirmed"));
            if (p < 0.30) { // no place left at that school: assigned again
                path.addAll(List.of("Task_AssignSchool", "Gateway_Verified", "Task_ConfirmPlace", "Gateway_PlaceConfirmed"));
            }
            path.add("EndEvent_Enrolled");
            return path;
        }, Map.of("Task_ConfirmApplication", new Timing(40, 0.8, 5, 0.5),
                "Task_AssignSchool", new Timing(360, 0.7, 20, 1.0),
                "Task_ConfirmPlace", new Timing(90, 0.8, 10, 0.6))));
        specs.add(new Spec("AllowanceWork", 0.080, Level.HOUSEHOLD, true, r -> {
            List<String> path = new ArrayList<>(List.of("StartEvent_AllowanceHousehold", "Task_ArrangeWork"));
            int months = 1 + r.nextInt(15);
            for (int i = 0; i < months; i++) {
                path.addAll(List.of("Task_RecordHours", "Gateway_EndArrangement", "Task_ConfirmHours"));
            }
            path.addAll(List.of("Task_RecordHours", "Gateway_EndArrangement", "EndEvent_ArrangementEnded"));
            return path;
        }, Map.of("Task_ArrangeWork", new Timing(70, 0.8, 10, 0.5),
                "Task_RecordHours", new Timing(600, 0.25, 35, 0.5),
                "Task_ConfirmHours", new Timing(45, 0.9, 5, 0.5))));
        specs.add(new Spec("JobReferral", 0.020, Level.PROJECT, true,
                r -> List.of("StartEvent_JobOpeningPosted", "Task_RecommendTenants", "EndEvent_RecommendationsRecorded"),
                Map.of("Task_RecommendTenants", new Timing(120, 0.8, 14, 1.0))));
        // project processes with timers on their steps: finished cases only, so that no timer job of a
        // generated case is due (the job executor runs during the benchmark)
        specs.add(new Spec("FacilityHandover", 0.024, Level.PROJECT, false, r -> {
            List<String> path = new ArrayList<>(List.of("StartEvent_HandoverOpened", "BusinessRuleTask_DecideReceiver",
                    "SubProcess_Handover", "StartEvent_HandoverStarted", "Task_PrepareHandover", "Task_InspectFacility",
                    "Gateway_InspectionResult"));
            if (r.nextDouble() < 0.15) { // failed the inspection once
                path.addAll(List.of("Task_PrepareHandover", "Task_InspectFacility", "Gateway_InspectionResult"));
            }
            path.addAll(List.of("Task_ConfirmInUse", "EndEvent_HandoverDone", "EndEvent_FacilityInUse"));
            return path;
        }, Map.of("Task_PrepareHandover", new Timing(240, 0.9, 0, 0),
                "Task_InspectFacility", new Timing(170, 1.0, 0, 0),
                "Task_ConfirmInUse", new Timing(330, 1.0, 0, 0))));
        specs.add(new Spec("CommitteeSetup", 0.003, Level.PROJECT, false,
                r -> List.of("StartEvent_FirstHouseholdRegistered", "BusinessRuleTask_StageDeadlines",
                        "Task_FormPreparatoryGroup", "Task_ElectCommittee", "Task_FormPartyOrganisation",
                        "Task_CompleteServiceStation", "Task_StartSelfManagement", "EndEvent_CommunitySetUp"),
                Map.of("Task_FormPreparatoryGroup", new Timing(500, 0.5, 30, 1.0),
                        "Task_ElectCommittee", new Timing(1100, 0.5, 60, 1.0),
                        "Task_FormPartyOrganisation", new Timing(500, 0.5, 30, 1.0),
                        "Task_CompleteServiceStation", new Timing(1100, 0.5, 60, 1.0),
                        "Task_StartSelfManagement", new Timing(1500, 0.5, 90, 1.0))));
        specs.add(new Spec("ProjectRegistration", 0.003, Level.PROJECT, false,
                r -> List.of("StartEvent_ProjectRegistered", "EndEvent_ProjectRegistered"), Map.of()));
        return specs;
    }

    /** An element of a deployed definition as the engine sees it. */
    record Element(String id, String type, String name, boolean scope, String flowScope, boolean asyncBefore,
            boolean asyncAfter, boolean userTask, String taskName, String taskDescription,
            List<Subscription> boundaryMessages) {
    }

    /** A message subscription the engine keeps for a waiting case: its message and the catching element. */
    record Subscription(String eventName, String activityId) {
    }

    /** A deployed process definition: its elements, the subscriptions of a running instance, each task's routes. */
    record Definition(String id, String key, int version, int historyDays, Map<String, Element> elements,
            List<Subscription> instanceMessages, Map<String, Map<String, List<String>>> routes) {

        Element element(String id) {
            Element element = elements.get(id);
            if (element == null) {
                throw new IllegalStateException(key + " v" + version + " has no element " + id);
            }
            return element;
        }

        /**
         * The candidate groups of a task for a case's place, as the routing table gives them
         * ({@code assignedDepartment} for the steps whose department a decision chose).
         */
        List<String> groups(String taskId, String assignedDepartment, String district, String subDistrict) {
            List<String> templates = routes.get(taskId).get(assignedDepartment == null ? "" : assignedDepartment);
            List<String> groups = new ArrayList<>(templates.size());
            for (String template : templates) {
                groups.add(template.replace("{D}", district).replace("{S}", subDistrict));
            }
            return groups;
        }
    }

    /** The departments a decision may choose for FacilityHandover's inspection and confirmation. */
    static final List<String> RECEIVERS = List.of("civil", "health", "sdo", "police");

    static Definition read(ProcessDefinition definition, RepositoryService repository, DecisionService decisions) {
        ProcessDefinitionEntity entity = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                .getDeployedProcessDefinition(definition.getId());
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Map<String, Element> elements = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> routes = new HashMap<>();
        collect(entity.getActivities(), model, elements);
        for (Element element : elements.values()) {
            if (element.userTask()) {
                Map<String, List<String>> byReceiver = new HashMap<>();
                byReceiver.put("", route(decisions, definition.getKey(), element.id(), null));
                for (String receiver : RECEIVERS) {
                    byReceiver.put(receiver, route(decisions, definition.getKey(), element.id(), receiver));
                }
                routes.put(element.id(), byReceiver);
            }
        }
        List<Subscription> instanceMessages = new ArrayList<>();
        for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
            if (sub.triggeredByEvent()) {
                for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
                    start.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
                            .map(d -> ((MessageEventDefinition) d).getMessage().getName())
                            .forEach(name -> instanceMessages.add(new Subscription(name, start.getId())));
                }
            }
        }
        Integer ttl = definition.getHistoryTimeToLive();
        return new Definition(definition.getId(), definition.getKey(), definition.getVersion(), ttl == null ? 3650 : ttl,
                elements, instanceMessages, routes);
    }

    private static void collect(List<ActivityImpl> activities, BpmnModelInstance model, Map<String, Element> into) {
        for (ActivityImpl activity : activities) {
            boolean userTask = activity.getActivityBehavior() instanceof UserTaskActivityBehavior;
            String taskName = null;
            String description = null;
            List<Subscription> boundary = new ArrayList<>();
            if (userTask) {
                var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                taskName = task.getNameExpression() == null ? null : task.getNameExpression().getExpressionText();
                description = task.getDescriptionExpression() == null ? null
                        : task.getDescriptionExpression().getExpressionText();
                for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
                    if (event.getAttachedTo().getId().equals(activity.getId())) {
                        event.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
                                .map(d -> ((MessageEventDefinition) d).getMessage().getName())
                                .forEach(name -> boundary.add(new Subscription(name, event.getId())));
                    }
                }
            }
            String flowScope = activity.getFlowScope() instanceof ActivityImpl parent ? parent.getId() : null;
            into.put(activity.getId(), new Element(activity.getId(), (String) activity.getProperty("type"),
                    activity.getName(), activity.isScope(), flowScope, activity.isAsyncBefore(), activity.isAsyncAfter(),
                    userTask, taskName, description, Collections.unmodifiableList(boundary)));
            collect(activity.getActivities(), model, into);
        }
    }

    /** The routing table's groups for a task, with {D} and {S} where the case's district and sub-district go. */
    private static List<String> route(DecisionService decisions, String processKey, String taskId, String assigned) {
        Map<String, Object> input = new HashMap<>();
        input.put("processKey", processKey);
        input.put("taskKey", taskId);
        input.put(CaseVariables.DISTRICT, "{D}");
        input.put(CaseVariables.SUB_DISTRICT, "{S}");
        input.put(CaseVariables.ASSIGNED_DEPARTMENT, assigned);
        List<String> groups = new ArrayList<>();
        for (Object route : decisions.evaluateDecisionTableByKey(TaskRoutingListener.DECISION_KEY).variables(input)
                .evaluate().collectEntries(TaskRoutingListener.OUTPUT)) {
            if (route == null) {
                continue;
            }
            String text = route.toString();
            if (!text.contains("-")) {
                Department department = Department.ofCode(text).orElseThrow();
                text = department.groupId(department.level() == Place.Kind.DISTRICT ? "{D}" : "{S}");
            }
            if (!groups.contains(text)) {
                groups.add(text);
            }
        }
        return groups;
    }
}
