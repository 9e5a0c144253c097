package org.gongzu.facilityhandover;

import java.util.Set;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.project.Project;

/** The process backing class of processes/FacilityHandover.bpmn: its key, element ids, variables and form fields. */
public final class FacilityHandoverProcess {

    public static final String KEY = "FacilityHandover";
    /** processes/FacilityReceivingDepartment.dmn */
    public static final String RECEIVER_DECISION = "FacilityReceivingDepartment";

    public static final class Elements {
        public static final String START = "StartEvent_HandoverOpened";
        public static final String DECIDE_RECEIVER = "BusinessRuleTask_DecideReceiver";
        public static final String HANDOVER = "SubProcess_Handover";
        public static final String HANDOVER_STARTED = "StartEvent_HandoverStarted";
        public static final String PREPARE = "Task_PrepareHandover";
        public static final String INSPECT = "Task_InspectFacility";
        public static final String INSPECTION_RESULT = "Gateway_InspectionResult";
        public static final String CONFIRM_IN_USE = "Task_ConfirmInUse";
        public static final String HANDOVER_DONE = "EndEvent_HandoverDone";
        public static final String END = "EndEvent_FacilityInUse";
        public static final String IN_USE_DEADLINE = "BoundaryEvent_InUseDeadline";
        public static final String REQUIRED_AT_MOVE_IN = "Gateway_RequiredAtMoveIn";
        public static final String RESOLVE_LATE = "Task_ResolveLateFacility";
        public static final String LATE_RESOLVED = "EndEvent_LateResolved";
        public static final String NOT_REQUIRED = "EndEvent_NotRequired";

        private Elements() {
        }
    }

    /** Process variables: the case's ids and place, the facility, and the flags the gateways read. */
    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = Project.PROJECT_ID;
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        public static final String FACILITY_TYPE = "facilityType";
        public static final String FACILITY_TYPE_NAME = "facilityTypeName";
        /** When the facility must be in use: the project's (planned, or earlier actual) first move-in. */
        public static final String IN_USE_DEADLINE = "inUseDeadline";
        /** The receiving department's code, decided by {@link FacilityHandoverProcess#RECEIVER_DECISION}. */
        public static final String ASSIGNED_DEPARTMENT = CaseVariables.ASSIGNED_DEPARTMENT;
        public static final String REQUIRED_AT_MOVE_IN = "requiredAtMoveIn";
        public static final String FACILITY_ACCEPTED = "facilityAccepted";
        /** The decision's result, read once and removed. */
        public static final String RECEIVER = "receiver";
        /** What the system starts an instance with. */
        public static final Set<String> STARTED_WITH = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, FACILITY_TYPE,
                FACILITY_TYPE_NAME, IN_USE_DEADLINE);
        public static final Set<String> ALL = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, FACILITY_TYPE,
                FACILITY_TYPE_NAME, IN_USE_DEADLINE, ASSIGNED_DEPARTMENT, REQUIRED_AT_MOVE_IN, FACILITY_ACCEPTED);

        private Vars() {
        }
    }

    /** forms/facility-handover-preparation.form */
    public static final class PreparationForm {
        public static final String PREPARED_ON = "preparedOn";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(PREPARED_ON, NOTE);

        private PreparationForm() {
        }
    }

    /** forms/facility-inspection.form */
    public static final class InspectionForm {
        public static final String RESULT = "inspectionResult";
        public static final String INSPECTED_ON = "inspectedOn";
        public static final String DEFECTS = "defects";
        public static final Set<String> ALL = Set.of(RESULT, INSPECTED_ON, DEFECTS);

        /** The values of {@link #RESULT}. */
        public enum Result { ACCEPTED, DEFECTS }

        private InspectionForm() {
        }
    }

    /** forms/facility-in-use.form */
    public static final class InUseForm {
        public static final String IN_USE_ON = "inUseOn";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(IN_USE_ON, NOTE);

        private InUseForm() {
        }
    }

    /** forms/late-facility.form */
    public static final class LateForm {
        public static final String MEASURES = "measures";
        public static final String EXPECTED_IN_USE_ON = "expectedInUseOn";
        public static final Set<String> ALL = Set.of(MEASURES, EXPECTED_IN_USE_ON);

        private LateForm() {
        }
    }

    private FacilityHandoverProcess() {
    }
}
