package org.gongzu.facilityhandover;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.facilityhandover.FacilityHandoverProcess.InUseForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.InspectionForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.LateForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.PreparationForm;
import org.gongzu.identity.Department;
import org.gongzu.project.FacilityType;
import org.gongzu.project.ProjectFacility;
import org.gongzu.project.ProjectRepository;
import org.gongzu.validation.Fields;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of one facility's handover (clause 4): each method checks what staff submitted, refuses
 * it whole with Chinese messages, or records it on the project's case and its journal.
 */
@Service
@Transactional
public class FacilityHandoverService {

    private final ProjectRepository projects;
    private final CaseJournal journal;
    private final Clock clock;

    FacilityHandoverService(ProjectRepository projects, CaseJournal journal, Clock clock) {
        this.projects = projects;
        this.journal = journal;
        this.clock = clock;
    }

    /** The receiving department the decision table chose; an unknown code is a modelling error. */
    public void receiverDecided(String projectId, FacilityType type, String department, boolean requiredAtMoveIn) {
        Department receiver = Department.ofCode(department).orElseThrow(() -> new IllegalStateException(
                "FacilityReceivingDepartment gave no known department for " + type + ": " + department));
        projects.facilityReceiver(projectId, type, receiver.code(), requiredAtMoveIn, now());
        journal.record(projectId, "FACILITY_RECEIVER", null, type.chineseName() + "：由" + receiver.chineseName() + "接收"
                + (requiredAtMoveIn ? "，须于首户入住时同步投入使用" : ""));
    }

    /** The owner has the facility ready for handover. */
    public void prepared(String projectId, FacilityType type, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, today());
        LocalDate preparedOn = fields.pastDate(PreparationForm.PREPARED_ON, "移交准备完成日期");
        String note = fields.note(PreparationForm.NOTE, "移交资料及说明", 2000);
        fields.check();
        projects.facilityPrepared(projectId, type, preparedOn, now());
        journal.record(projectId, "FACILITY_PREPARED", userId, type.chineseName() + "：移交准备完成 " + preparedOn
                + (note == null ? "" : " " + note));
    }

    /** The receiving department's inspection; true if it accepts the facility. */
    public boolean inspected(String projectId, FacilityType type, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, today());
        InspectionForm.Result result = fields.choice(InspectionForm.RESULT, "查验结论", InspectionForm.Result.class);
        LocalDate inspectedOn = fields.pastDate(InspectionForm.INSPECTED_ON, "查验日期");
        String defects = result == InspectionForm.Result.DEFECTS
                ? fields.requiredNote(InspectionForm.DEFECTS, "存在的问题", 2000)
                : fields.note(InspectionForm.DEFECTS, "存在的问题", 2000);
        LocalDate preparedOn = projects.facility(projectId, type).map(ProjectFacility::preparedOn).orElse(null);
        if (inspectedOn != null && preparedOn != null && inspectedOn.isBefore(preparedOn)) {
            fields.reject(InspectionForm.INSPECTED_ON, "查验日期", "不能早于移交准备完成日期 " + preparedOn);
        }
        fields.check();
        boolean accepted = result == InspectionForm.Result.ACCEPTED;
        projects.facilityInspected(projectId, type, accepted, inspectedOn, accepted ? null : defects, now());
        journal.record(projectId, accepted ? "FACILITY_ACCEPTED" : "FACILITY_DEFECTS", userId, type.chineseName()
                + (accepted ? "：查验合格，已接收 " + inspectedOn : "：查验不合格，退回整改 " + inspectedOn + " " + defects));
        return accepted;
    }

    /** The receiving department has put the facility to use. */
    public void inUse(String projectId, FacilityType type, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, today());
        LocalDate inUseOn = fields.pastDate(InUseForm.IN_USE_ON, "投入使用日期");
        String note = fields.note(InUseForm.NOTE, "备注", 500);
        LocalDate acceptedOn = projects.facility(projectId, type).map(ProjectFacility::acceptedOn).orElse(null);
        if (inUseOn != null && acceptedOn != null && inUseOn.isBefore(acceptedOn)) {
            fields.reject(InUseForm.IN_USE_ON, "投入使用日期", "不能早于接收日期 " + acceptedOn);
        }
        fields.check();
        projects.facilityInUse(projectId, type, inUseOn, now());
        journal.record(projectId, "FACILITY_IN_USE", userId, type.chineseName() + "：投入使用 " + inUseOn
                + (note == null ? "" : " " + note));
    }

    /** A facility clause 4 requires in use at the first move-in is not. */
    public void late(String projectId, FacilityType type) {
        projects.facilityLate(projectId, type, now());
        journal.record(projectId, "FACILITY_LATE", null, type.chineseName() + "：首户入住时仍未投入使用，已交街道办事处和区住建委督办");
    }

    /** The sub-district office or the district housing department records how the late facility will open. */
    public void lateResolved(String projectId, FacilityType type, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, today());
        String measures = fields.requiredNote(LateForm.MEASURES, "督办措施", 2000);
        LocalDate expected = fields.date(LateForm.EXPECTED_IN_USE_ON, "预计投入使用日期", today(), "今天");
        fields.check();
        journal.record(projectId, "FACILITY_LATE_MEASURES", userId, type.chineseName() + "：预计 " + expected
                + " 投入使用；" + measures);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
