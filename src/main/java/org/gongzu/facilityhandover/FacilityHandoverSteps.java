package org.gongzu.facilityhandover;

import static org.gongzu.engine.StepInput.discard;
import static org.gongzu.engine.StepInput.refusingInvalid;
import static org.gongzu.engine.StepInput.values;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gongzu.engine.StepInput;
import org.gongzu.facilityhandover.FacilityHandoverProcess.InUseForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.InspectionForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.LateForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.PreparationForm;
import org.gongzu.facilityhandover.FacilityHandoverProcess.Vars;
import org.gongzu.project.FacilityType;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The listeners of processes/FacilityHandover.bpmn, e.g. {@code ${facilityHandoverSteps.inspect(task)}}:
 * each reads its step's form, calls {@link FacilityHandoverService}, sets what the gateways read and
 * drops the fields it saved.
 */
@Component
@ModelBean
public class FacilityHandoverSteps {

    private final FacilityHandoverService service;

    FacilityHandoverSteps(FacilityHandoverService service) {
        this.service = service;
    }

    /** End of the decision: the receiving department and whether clause 4 wants it in use at move-in. */
    public void receiverDecided(DelegateExecution execution) {
        Object result = execution.getVariable(Vars.RECEIVER);
        if (!(result instanceof Map<?, ?> receiver) || receiver.get("receivingDepartment") == null) {
            throw new ProcessEngineException(FacilityHandoverProcess.RECEIVER_DECISION + " has no rule for facility type "
                    + execution.getVariable(Vars.FACILITY_TYPE));
        }
        String department = receiver.get("receivingDepartment").toString();
        boolean required = Boolean.TRUE.equals(receiver.get("requiredAtMoveIn"));
        service.receiverDecided(projectId(execution), type(execution), department, required);
        execution.removeVariable(Vars.RECEIVER);
        execution.setVariable(Vars.ASSIGNED_DEPARTMENT, department);
        execution.setVariable(Vars.REQUIRED_AT_MOVE_IN, required);
    }

    /** A new task of the handover names its facility, so that a list of ten handovers tells them apart. */
    public void named(DelegateTask task) {
        task.setName(task.getName() + "：" + type(task).chineseName());
    }

    public void prepare(DelegateTask task) {
        refusingInvalid(() -> service.prepared(projectId(task), type(task), values(task, PreparationForm.ALL),
                StepInput.currentUserId()));
        discard(task, PreparationForm.ALL);
    }

    public void inspect(DelegateTask task) {
        boolean accepted = refusingInvalid(() -> service.inspected(projectId(task), type(task),
                values(task, InspectionForm.ALL), StepInput.currentUserId()));
        discard(task, InspectionForm.ALL);
        task.getExecution().setVariable(Vars.FACILITY_ACCEPTED, accepted);
    }

    public void confirmInUse(DelegateTask task) {
        refusingInvalid(() -> service.inUse(projectId(task), type(task), values(task, InUseForm.ALL),
                StepInput.currentUserId()));
        discard(task, InUseForm.ALL);
    }

    /** The late-facility task is created: the facility is marked late on the project. */
    public void lateFacility(DelegateTask task) {
        named(task);
        service.late(projectId(task), type(task));
    }

    public void resolveLate(DelegateTask task) {
        refusingInvalid(() -> service.lateResolved(projectId(task), type(task), values(task, LateForm.ALL),
                StepInput.currentUserId()));
        discard(task, LateForm.ALL);
    }

    private static String projectId(VariableScope scope) {
        return (String) scope.getVariable(Vars.PROJECT_ID);
    }

    private static FacilityType type(VariableScope scope) {
        return FacilityType.valueOf((String) scope.getVariable(Vars.FACILITY_TYPE));
    }
}
