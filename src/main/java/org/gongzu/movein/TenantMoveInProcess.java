package org.gongzu.movein;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.gongzu.casefile.CaseVariables;
import org.gongzu.deadline.LateStepEscalation;

/**
 * The process backing class of processes/TenantMoveIn.bpmn: its key, element ids and variable names,
 * so that none of these strings is written twice.
 */
public final class TenantMoveInProcess {

    public static final String KEY = "TenantMoveIn";

    public static final class Elements {
        public static final String START = "StartEvent_LeaseSigned";
        public static final String CONFIRM_MOVE_IN = "Task_ConfirmMoveIn";
        public static final String REGISTER_MEMBERS = "Task_RegisterMembers";
        /** 退回: the residents' committee sends the case back to the owner (message Return_Task_RegisterMembers). */
        public static final String RETURN_TO_OWNER = "BoundaryEvent_ReturnToOwner";
        public static final String HUKOU_SPLIT = "Gateway_Hukou";
        public static final String CONFIRM_ACTUAL_POPULATION = "Task_ConfirmActualPopulation";
        public static final String REGISTER_FLOATING_POPULATION = "Task_RegisterFloatingPopulation";
        public static final String HUKOU_JOIN = "Gateway_HukouJoin";
        public static final String REGISTER_IN_COMMUNITY = "Task_RegisterInCommunity";
        public static final String END = "EndEvent_HouseholdRegistered";
        /** The escalation when the members' registration is late (docs/adr/0025). */
        public static final String MEMBER_REGISTRATION_LATE = "BoundaryEvent_MemberRegistrationLate";
        public static final String RECORD_LATE_MEMBER_REGISTRATION = "Task_RecordLateMemberRegistration";
        public static final String HANDLE_LATE_MEMBER_REGISTRATION = "Task_HandleLateMemberRegistration";
        public static final String LATE_MEMBER_REGISTRATION_HANDLED = "EndEvent_LateMemberRegistrationHandled";

        private Elements() {
        }
    }

    /**
     * Steps of the versions before the FacilityHandover process took over the facility check
     * (clause 4). Instances started on those versions still reach them, so their listeners and
     * form fields stay until no such instance is open.
     */
    public static final class EarlierVersionElements {
        public static final String CHECK_FACILITIES = "Task_CheckFacilities";
        public static final String ARRANGE_FACILITIES = "Task_ArrangeFacilities";

        private EarlierVersionElements() {
        }
    }

    /** Process variables: ids and the flags that gateways read, nothing more. */
    public static final class Vars {
        public static final String CASE_ID = CaseVariables.CASE_ID;
        public static final String PROJECT_ID = "projectId";
        public static final String DISTRICT = CaseVariables.DISTRICT;
        public static final String SUB_DISTRICT = CaseVariables.SUB_DISTRICT;
        public static final String FIRST_HOUSEHOLD = "firstHouseholdOfProject";
        public static final String ALL_FACILITIES_IN_USE = "allFacilitiesInUse";
        public static final String HAS_BEIJING_MEMBERS = "hasBeijingMembers";
        public static final String HAS_NON_LOCAL_MEMBERS = "hasNonLocalMembers";
        public static final Set<String> ALL = Set.of(CASE_ID, PROJECT_ID, DISTRICT, SUB_DISTRICT, FIRST_HOUSEHOLD,
                ALL_FACILITIES_IN_USE, HAS_BEIJING_MEMBERS, HAS_NON_LOCAL_MEMBERS, LateStepEscalation.DESCRIPTION);

        private Vars() {
        }
    }

    /**
     * Form fields that carry personal data. They are moved into the project's tables when their
     * step completes, removed from the process and never written to the engine's history.
     */
    public static final Set<String> PERSONAL_DATA_FIELDS = Stream.concat(
            Stream.of(LeaseForm.HEAD_NAME, LeaseForm.HEAD_ID_NUMBER, MembersForm.MEMBERS),
            MembersForm.MEMBER_GROUPS.stream()).collect(Collectors.toUnmodifiableSet());

    /** Field keys of forms/lease-signed.form, also the body of POST /api/leases. */
    public static final class LeaseForm {
        public static final String PROJECT_ID = "projectId";
        public static final String UNIT_NO = "unitNo";
        public static final String LEASE_NO = "leaseNo";
        public static final String LEASE_SIGNED_ON = "leaseSignedOn";
        public static final String HEAD_NAME = "headName";
        public static final String HEAD_ID_NUMBER = "headIdNumber";
        public static final Set<String> ALL = Set.of(PROJECT_ID, UNIT_NO, LEASE_NO, LEASE_SIGNED_ON, HEAD_NAME,
                HEAD_ID_NUMBER);

        private LeaseForm() {
        }
    }

    /** Field keys of forms/move-in-confirmation.form. */
    public static final class MoveInForm {
        public static final String MOVE_IN_DATE = "moveInDate";
        public static final String KEYS_HANDED_OVER = "keysHandedOver";
        public static final Set<String> ALL = Set.of(MOVE_IN_DATE, KEYS_HANDED_OVER);

        private MoveInForm() {
        }
    }

    /**
     * Field keys of forms/household-registration.form: the member count and one group per member
     * ({@code member1} … {@code member8}, each a JSON object). REST clients may instead send all
     * members as one list, {@code members}.
     */
    public static final class MembersForm {
        public static final String MEMBERS = "members";
        public static final String MEMBER_COUNT = "memberCount";
        public static final int FORM_MAX_MEMBERS = 8;
        public static final List<String> MEMBER_GROUPS = IntStream.rangeClosed(1, FORM_MAX_MEMBERS)
                .mapToObj(i -> "member" + i).toList();
        public static final Set<String> ALL = Stream.concat(Stream.of(MEMBERS, MEMBER_COUNT), MEMBER_GROUPS.stream())
                .collect(Collectors.toUnmodifiableSet());
        public static final String NAME = "name";
        public static final String ID_NUMBER = "idNumber";
        public static final String RELATION = "relation";
        public static final String HUKOU = "hukou";
        public static final String BIRTH_DATE = "birthDate";
        public static final String EMPLOYMENT = "employment";
        public static final String MIN_LIVING_ALLOWANCE = "minLivingAllowance";

        private MembersForm() {
        }
    }

    /** Field keys of forms/facility-check.form. */
    public static final class FacilityForm {
        public static final String RESIDENTS_COMMITTEE = "residentsCommitteeInUse";
        public static final String POLICE_ROOM = "policeRoomInUse";
        public static final String SERVICE_STATION = "serviceStationInUse";
        public static final String ELDERLY_CARE = "elderlyCareInUse";
        public static final Set<String> ALL = Set.of(RESIDENTS_COMMITTEE, POLICE_ROOM, SERVICE_STATION, ELDERLY_CARE);

        private FacilityForm() {
        }
    }

    /** Field keys of the forms that confirm a step: police confirmations, facility arrangement. */
    public static final class ConfirmationForm {
        public static final String CONFIRMED = "confirmed";
        public static final String DONE_ON = "doneOn";
        public static final String NOTE = "note";
        public static final Set<String> ALL = Set.of(CONFIRMED, DONE_ON, NOTE);

        private ConfirmationForm() {
        }
    }

    private TenantMoveInProcess() {
    }
}
