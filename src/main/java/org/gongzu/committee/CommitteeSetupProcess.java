package org.gongzu.committee;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.project.Project;

/** The process backing class of processes/CommitteeSetup.bpmn: its key, element ids, variables and form fields. */
public final class CommitteeSetupProcess {

    public static final String KEY = "CommitteeSetup";
    /** processes/CommitteeStageDeadlines.dmn */
    public static final String DEADLINE_DECISION = "CommitteeStageDeadlines";

    /** A stage the sub-district office guides (clause 5): its task, its late-boundary event, its name. */
    public record Stage(String taskId, String lateEventId, String name) {

        /** The variable that holds the stage's deadline, read by the task's due date and its timer. */
        public String dueVariable() {
            return "due_" + taskId;
        }
    }

    public static final class Elements {
        public static final String START = "StartEvent_FirstHouseholdRegistered";
        public static final String STAGE_DEADLINES = "BusinessRuleTask_StageDeadlines";
        public static final String PREPARATORY_GROUP = "Task_FormPreparatoryGroup";
        public static final String ELECTION = "Task_ElectCommittee";
        public static final String PARTY_ORGANISATION = "Task_FormPartyOrganisation";
        public static final String SERVICE_STATION = "Task_CompleteServiceStation";
        public static final String SELF_MANAGEMENT = "Task_StartSelfManagement";
        public static final String END = "EndEvent_CommunitySetUp";
        public static final String PREPARATORY_GROUP_LATE = "BoundaryEvent_PreparatoryGroupLate";
        public static final String ELECTION_LATE = "BoundaryEvent_ElectionLate";
        public static final String PARTY_ORGANISATION_LATE = "BoundaryEvent_PartyOrganisationLate";
        public static final String SERVICE_STATION_LATE = "BoundaryEvent_ServiceStationLate";
        public static final String SELF_MANAGEMENT_LATE = "BoundaryEvent_SelfManagementLate";
        public static final String SUPERVISE_LATE_STAGE = "Task_SuperviseLateStage";
        public static final String LATE_STAGE_SUPERVISED = "EndEvent_LateStageSupervised";

        private Elements() {
        }
    }

    /** The stages in their order. */
    public static final List<Stage> STAGES = List.of(
            new Stage(Elements.PREPARATORY_GROUP, Elements.PREPARATORY_GROUP_LATE, "成立居委会筹备组"),
            new Stage(Elements.ELECTION, Elements.ELECTION_LATE, "选举产生社区居民委员会"),
            new Stage(Elements.PARTY_ORGANISATION, Elements.PARTY_ORGANISATION_LATE, "组建社区党组织"),
            new Stage(Elements.SERVICE_STATION, Elements.SERVICE_STATION_LATE, "完善社区服务站建设"),
            new Stage(Elements.SELF_MANAGEMENT, Elements.SELF_MANAGEMENT_LATE, "开展社区自我管理和服务"));

    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = Project.PROJECT_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        /** The day the setup started: the first household's registration (yyyy-MM-dd). */
        public static final String STARTED_ON = "setupStartedOn";
        /** The decision's result, read once and removed. */
        public static final String STAGE_DEADLINES = "stageDeadlines";
        /** Local to a late-stage escalation: the stage's Chinese name. */
        public static final String LATE_STAGE_NAME = "lateStageName";
        public static final Set<String> STARTED_WITH = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, STARTED_ON);
        public static final Set<String> ALL = Stream.concat(
                Stream.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, STARTED_ON, LATE_STAGE_NAME),
                STAGES.stream().map(Stage::dueVariable)).collect(Collectors.toUnmodifiableSet());

        private Vars() {
        }
    }

    /** forms/committee-stage.form */
    public static final class StageForm {
        public static final String DONE_ON = "doneOn";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(DONE_ON, NOTE);

        private StageForm() {
        }
    }

    /** forms/committee-election.form */
    public static final class ElectionForm {
        public static final String ELECTION_ON = "electionOn";
        public static final String MEMBERS_ELECTED = "membersElected";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(ELECTION_ON, MEMBERS_ELECTED, NOTE);

        private ElectionForm() {
        }
    }

    /** forms/late-stage-supervision.form */
    public static final class SupervisionForm {
        public static final String MEASURES = "measures";
        public static final Set<String> ALL = Set.of(MEASURES);

        private SupervisionForm() {
        }
    }

    private CommitteeSetupProcess() {
    }
}
