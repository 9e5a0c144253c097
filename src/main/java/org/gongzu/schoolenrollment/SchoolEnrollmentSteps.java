package org.gongzu.schoolenrollment;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gongzu.GongzuApplication;
import org.gongzu.engine.StepInput;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.ApplicationForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.AssignmentForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.PlaceForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.SchoolView;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.Vars;
import org.gongzu.schoolenrollment.SchoolEnrollmentService.Level;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The listeners of processes/SchoolEnrollment.bpmn, e.g. {@code ${schoolEnrollmentSteps.placeConfirmed(task)}}.
 */
@Component
@ModelBean
public class SchoolEnrollmentSteps {

    private final SchoolEnrollmentService service;
    private final SchoolEnrollmentStarter starter;

    SchoolEnrollmentSteps(SchoolEnrollmentService service, SchoolEnrollmentStarter starter) {
        this.service = service;
        this.starter = starter;
    }

    /** End of the eligibility decision: its result is kept with the enrollment; the gateways read two flags. */
    public void eligibilityDecided(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable(Vars.ELIGIBILITY);
        if (result == null) {
            throw new IllegalStateException(SchoolEnrollmentProcess.ELIGIBILITY_DECISION + " gave no result for "
                    + execution.getVariable(Vars.HUKOU) + ", age " + execution.getVariable(Vars.AGE));
        }
        Level level = service.decided(enrollmentId(execution), result).orElse(null);
        execution.removeVariable(Vars.ELIGIBILITY);
        execution.setVariable(Vars.COVERED, level != null);
        if (level != null) {
            execution.setVariable(Vars.LEVEL, level.name());
            execution.setVariable(Vars.LEVEL_NAME, level.chineseName());
            execution.setVariable(Vars.SUBJECT, execution.getVariable(Vars.SUBJECT) + " " + level.chineseName());
        }
    }

    /** Every step names the child's enrollment it is about (without the child's name). */
    public void named(DelegateTask task) {
        task.setName(task.getName() + "：" + task.getVariable(Vars.SUBJECT));
    }

    public void applicationConfirmed(DelegateTask task) {
        boolean applies = refusingInvalid(() -> service.applicationConfirmed(enrollmentId(task),
                values(task, ApplicationForm.ALL), StepInput.currentUserId()));
        discard(task, ApplicationForm.ALL);
        task.getExecution().setVariable(Vars.FAMILY_APPLIES, applies);
    }

    /** The commission sees the project's planned school of the child's level, to assign it first. */
    public void assignmentOpened(DelegateTask task) {
        named(task);
        task.setVariableLocal(Vars.PLANNED_SCHOOL, service.plannedSchool((String) task.getVariable(Vars.PROJECT_ID),
                Level.valueOf((String) task.getVariable(Vars.LEVEL))));
    }

    public void schoolAssigned(DelegateTask task) {
        boolean verified = refusingInvalid(() -> service.schoolAssigned(enrollmentId(task),
                values(task, AssignmentForm.ALL), StepInput.currentUserId()));
        discard(task, AssignmentForm.ALL);
        task.getExecution().setVariable(Vars.VERIFIED, verified);
    }

    /** The school sees the child and the guardian it takes in: on its step only, never in history. */
    public void placeStepOpened(DelegateTask task) {
        named(task);
        Map<String, Object> row = service.forSchool(enrollmentId(task));
        task.setVariableLocal(SchoolView.CHILD_NAME, row.get("child_name"));
        task.setVariableLocal(SchoolView.CHILD_ID_NUMBER, row.get("child_id_number"));
        task.setVariableLocal(SchoolView.CHILD_BIRTH_DATE, String.valueOf(row.get("birth_date")));
        task.setVariableLocal(SchoolView.GUARDIAN_NAME, row.get("guardian_name"));
        task.setVariableLocal(SchoolView.GUARDIAN_PHONE, row.get("guardian_phone"));
        task.setVariableLocal(SchoolView.SCHOOL_NAME, row.get("school_name"));
    }

    public void placeConfirmed(DelegateTask task) {
        boolean confirmed = refusingInvalid(() -> service.placeConfirmed(enrollmentId(task), values(task, PlaceForm.ALL),
                StepInput.currentUserId()));
        discard(task, PlaceForm.ALL);
        task.getExecution().setVariable(Vars.PLACE_CONFIRMED, confirmed);
    }

    /** A child the clause does not cover: why, and where to go instead, on the household's case. */
    public void notCovered(DelegateExecution execution) {
        execution.setVariable(Vars.OUTCOME, service.notCovered(enrollmentId(execution)));
    }

    /** Any other end: the outcome the steps recorded. */
    public void ended(DelegateExecution execution) {
        execution.setVariable(Vars.OUTCOME, service.outcome(enrollmentId(execution)));
    }

    /** The yearly timer: the school year opening today (the engine's clock) opens its enrollments. */
    public void openSchoolYear(DelegateExecution execution) {
        starter.openSchoolYear(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), GongzuApplication.BEIJING));
    }

    private static long enrollmentId(VariableScope scope) {
        return ((Number) scope.getVariable(Vars.ENROLLMENT_ID)).longValue();
    }
}
