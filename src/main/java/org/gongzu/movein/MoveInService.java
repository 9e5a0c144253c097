package org.gongzu.movein;

import static org.gongzu.movein.TenantMoveInProcess.ConfirmationForm;
import static org.gongzu.movein.TenantMoveInProcess.FacilityForm;
import static org.gongzu.movein.TenantMoveInProcess.LeaseForm;
import static org.gongzu.movein.TenantMoveInProcess.MembersForm;
import static org.gongzu.movein.TenantMoveInProcess.MoveInForm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.project.ProjectService;
import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.validation.Fields;
import org.gongzu.validation.IdNumber;
import org.gongzu.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a tenant household's first move-in (clauses 1, 4, 6): each method validates what
 * staff submitted, refuses it whole with Chinese messages, or writes it to the project's tables.
 */
@Service
@Transactional
public class MoveInService {

    private static final Logger LOG = LoggerFactory.getLogger(MoveInService.class);
    private static final int MAX_MEMBERS = 20;

    private final HouseholdRepository households;
    private final ProjectService projects;
    private final CaseJournal journal;
    private final Clock clock;

    MoveInService(HouseholdRepository households, ProjectService projects, CaseJournal journal, Clock clock) {
        this.households = households;
        this.projects = projects;
        this.journal = journal;
        this.clock = clock;
    }

    /** Where a newly opened case is routed, and what its process needs to know. */
    public record OpenedCase(String caseId, String projectId, String districtCode, String subDistrictCode) {
    }

    /** What the member registration means for the police steps. */
    public record Registration(boolean hasBeijingMembers, boolean hasNonLocalMembers) {
    }

    /**
     * Opens the case of a household whose lease was signed. {@code callerGroups} are the groups of
     * the user who records it (null when the system itself does): only the property owner of the
     * project's sub-district, or an administrator, may.
     */
    public OpenedCase openCase(Map<String, ?> values, Collection<String> callerGroups) {
        Fields fields = new Fields(values, today());
        String projectId = fields.text(LeaseForm.PROJECT_ID, "公租房项目", 32);
        String unitNo = fields.text(LeaseForm.UNIT_NO, "房屋编号", 50);
        String leaseNo = fields.text(LeaseForm.LEASE_NO, "租赁合同编号", 50);
        LocalDate signedOn = fields.pastDate(LeaseForm.LEASE_SIGNED_ON, "合同签订日期");
        String headName = fields.text(LeaseForm.HEAD_NAME, "承租人姓名", 100);
        String headId = fields.idNumber(LeaseForm.HEAD_ID_NUMBER, "承租人身份证号码");
        String subDistrict = null;
        if (projectId != null) {
            subDistrict = projects.subDistrictOf(projectId).orElse(null);
            if (subDistrict == null) {
                fields.reject(LeaseForm.PROJECT_ID, "公租房项目", "不存在：" + projectId);
            }
        }
        if (leaseNo != null && households.leaseExists(leaseNo)) {
            fields.reject(LeaseForm.LEASE_NO, "租赁合同编号", "已登记过，不能重复登记");
        }
        fields.check();
        String ownerGroup = Department.OWNER.groupId(subDistrict);
        if (callerGroups != null && !callerGroups.contains(ownerGroup) && !callerGroups.contains(Roles.ADMIN)) {
            throw new InvalidInputException(LeaseForm.PROJECT_ID, "「公租房项目」不属于您所在的产权单位，无权登记该项目的租赁合同");
        }
        String caseId = String.format("HH-%d-%06d", today().getYear(), households.nextCaseNumber());
        Household household = new Household(caseId, projectId, unitNo, leaseNo, signedOn, headName, headId,
                subDistrict, "LEASE_SIGNED", null, null);
        households.insert(household, now());
        LOG.info("Case {} opened for lease {} of project {}, head {}", caseId, leaseNo, projectId,
                IdNumber.mask(headId));
        return new OpenedCase(caseId, projectId, household.districtCode(), subDistrict);
    }

    /** The owner confirms move-in and key handover; true if this is the project's first household to move in. */
    public boolean confirmMoveIn(String caseId, Map<String, ?> values) {
        Household household = household(caseId);
        Fields fields = new Fields(values, today());
        LocalDate movedInOn = fields.pastDate(MoveInForm.MOVE_IN_DATE, "入住日期");
        fields.confirmed(MoveInForm.KEYS_HANDED_OVER, "钥匙已交付");
        if (movedInOn != null && movedInOn.isBefore(household.leaseSignedOn())) {
            fields.reject(MoveInForm.MOVE_IN_DATE, "入住日期", "不能早于合同签订日期 " + household.leaseSignedOn());
        }
        fields.check();
        // the project's first move-in is claimed once, and what depends on it starts (clause 4)
        boolean first = projects.householdMovedIn(household.projectId(), caseId, movedInOn);
        households.recordMoveIn(caseId, movedInOn, first);
        return first;
    }

    /**
     * Records whether the community facilities are in use; true if all of them are. Only instances of
     * TenantMoveIn versions before the FacilityHandover process reach this step.
     */
    public boolean recordFacilities(String caseId, Map<String, ?> values) {
        household(caseId);
        Fields fields = new Fields(values, today());
        Map<String, Boolean> inUse = new java.util.TreeMap<>();
        inUse.put(Facility.RESIDENTS_COMMITTEE.name(), fields.bool(FacilityForm.RESIDENTS_COMMITTEE, "居委会办公用房是否已启用"));
        inUse.put(Facility.POLICE_ROOM.name(), fields.bool(FacilityForm.POLICE_ROOM, "警务室是否已启用"));
        inUse.put(Facility.SERVICE_STATION.name(), fields.bool(FacilityForm.SERVICE_STATION, "社区服务站是否已启用"));
        inUse.put(Facility.ELDERLY_CARE.name(), fields.bool(FacilityForm.ELDERLY_CARE, "养老助残设施是否已启用"));
        fields.check();
        households.recordFacilities(caseId, inUse, now());
        return inUse.values().stream().allMatch(Boolean::booleanValue);
    }

    /** Registers every member of the household (clause 6); the lease holder must be one of them. */
    public Registration registerMembers(String caseId, List<Map<String, ?>> entries) {
        Household household = household(caseId);
        Fields fields = new Fields(Map.of(), today());
        if (entries == null || entries.isEmpty()) {
            fields.reject(MembersForm.MEMBERS, "家庭成员", "至少登记一人");
            fields.check();
        }
        if (entries.size() > MAX_MEMBERS) {
            fields.reject(MembersForm.MEMBERS, "家庭成员", "不能超过" + MAX_MEMBERS + "人");
            fields.check();
        }
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Fields entry = fields.nested(entries.get(i), "第" + (i + 1) + "位成员的", MembersForm.MEMBERS + "[" + i + "]");
            String name = entry.text(MembersForm.NAME, "姓名", 100);
            String idNumber = entry.idNumber(MembersForm.ID_NUMBER, "身份证号码");
            Member.Relation relation = entry.choice(MembersForm.RELATION, "与承租人关系", Member.Relation.class);
            Member.Hukou hukou = entry.choice(MembersForm.HUKOU, "户籍", Member.Hukou.class);
            LocalDate birthDate = entry.pastDate(MembersForm.BIRTH_DATE, "出生日期");
            Member.Employment employment = entry.choice(MembersForm.EMPLOYMENT, "就业状况", Member.Employment.class);
            Boolean allowance = entry.bool(MembersForm.MIN_LIVING_ALLOWANCE, "是否低保对象");
            if (idNumber != null && !seen.add(idNumber)) {
                entry.reject(MembersForm.ID_NUMBER, "身份证号码", "与其他成员重复");
            }
            if (idNumber != null && birthDate != null && !IdNumber.birthDate(idNumber).orElseThrow().equals(birthDate)) {
                entry.reject(MembersForm.BIRTH_DATE, "出生日期", "与身份证号码中的出生日期不一致");
            }
            if (name != null && idNumber != null && relation != null && hukou != null && birthDate != null
                    && employment != null && allowance != null) {
                members.add(new Member(i + 1, name, idNumber, relation, hukou, birthDate, employment, allowance));
            }
        }
        if (!seen.contains(household.headIdNumber())) {
            fields.reject(MembersForm.MEMBERS, "家庭成员", "须包括承租人本人（身份证号码 "
                    + IdNumber.mask(household.headIdNumber()) + "）");
        }
        fields.check();
        households.replaceMembers(caseId, members);
        return new Registration(members.stream().anyMatch(m -> m.hukou() == Member.Hukou.BEIJING),
                members.stream().anyMatch(m -> m.hukou() == Member.Hukou.NON_LOCAL));
    }

    /**
     * The residents' committee asks to correct a registered household's members: the household must
     * exist, be registered in the community, and be of the committee's sub-district ({@code callerGroups}
     * null when the system asks). Answers the household.
     */
    public Household openMembersChange(Map<String, ?> values, Collection<String> callerGroups, String userId) {
        Fields fields = new Fields(values, today());
        String caseId = fields.text(HouseholdMembersChangeProcess.RequestForm.CASE_ID, "案卷号", 40);
        String reason = fields.requiredNote(HouseholdMembersChangeProcess.RequestForm.REASON, "变更原因", 500);
        Household household = caseId == null ? null : households.find(caseId.strip()).orElse(null);
        boolean mayAct = household != null && (callerGroups == null || callerGroups.contains(Roles.ADMIN)
                || callerGroups.contains(Department.RESIDENTS_COMMITTEE.groupId(household.subDistrictCode())));
        if (caseId != null && !mayAct) {
            // another sub-district's household is answered like one that does not exist
            fields.reject(HouseholdMembersChangeProcess.RequestForm.CASE_ID, "案卷号", "不存在，或不属于本居委会");
        } else if (household != null && !"REGISTERED".equals(household.status())) {
            fields.reject(HouseholdMembersChangeProcess.RequestForm.CASE_ID, "案卷号",
                    "该家庭尚未完成入住登记，请在入住流程中登记成员");
        }
        fields.check();
        journal.record(household.caseId(), "MEMBERS_CHANGE_REQUESTED", userId, "申请变更家庭成员信息：" + reason);
        return household;
    }

    /** The household's members as registered. */
    public List<Member> members(String caseId) {
        return households.members(caseId);
    }

    /** The corrected members replace the registered ones; the services after move-in are told. */
    public void changeMembers(String caseId, List<Map<String, ?>> entries, String userId) {
        int before = households.members(caseId).size();
        registerMembers(caseId, entries);
        journal.record(caseId, "MEMBERS_CHANGED", userId, "家庭成员信息已变更：原 " + before + " 人，现 "
                + entries.size() + " 人");
    }

    /**
     * The local police confirm that the members of one register were taken in: ACTUAL for Beijing
     * hukou (actual-population data), FLOATING for non-local members (floating-population registration).
     */
    public void confirmPopulationRegister(String caseId, String register, Map<String, ?> values, String userId) {
        household(caseId);
        Fields fields = new Fields(values, today());
        boolean actual = "ACTUAL".equals(register);
        fields.confirmed(ConfirmationForm.CONFIRMED, actual ? "已核对并录入实有人口信息" : "已办理流动人口登记");
        LocalDate doneOn = fields.pastDate(ConfirmationForm.DONE_ON, actual ? "核对日期" : "登记日期");
        String note = fields.note(ConfirmationForm.NOTE, "备注", 500);
        fields.check();
        households.confirmPopulationRegister(caseId, register, now());
        journal.record(caseId, actual ? "ACTUAL_POPULATION" : "FLOATING_POPULATION", userId,
                doneOn + (note == null ? "" : " " + note));
    }

    /**
     * The owner and the sub-district office record how the facilities not yet in use will be opened
     * (TenantMoveIn versions before the FacilityHandover process).
     */
    public void recordFacilityArrangement(String caseId, Map<String, ?> values, String userId) {
        household(caseId);
        Fields fields = new Fields(values, today());
        fields.confirmed(ConfirmationForm.CONFIRMED, "已协调相关部门");
        LocalDate doneOn = fields.pastDate(ConfirmationForm.DONE_ON, "协调日期");
        String plan = fields.requiredNote(ConfirmationForm.NOTE, "启用安排", 2000);
        fields.check();
        journal.record(caseId, "FACILITY_ARRANGEMENT", userId, doneOn + " " + plan);
    }

    /**
     * The household is registered in the community: the last step of its move-in. The project's first
     * registered household starts what clause 5 asks for (the committee setup), once per project.
     */
    public void registerInCommunity(String caseId) {
        Household household = household(caseId);
        households.markRegistered(caseId, now());
        projects.householdRegistered(household.projectId(), caseId);
    }

    public Household household(String caseId) {
        return households.find(caseId).orElseThrow(() -> new IllegalStateException("No household case " + caseId));
    }




    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
