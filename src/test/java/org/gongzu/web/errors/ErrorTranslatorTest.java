package org.gongzu.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.gongzu.engine.ActionRefusedException;
import org.gongzu.engine.InputRefusedException;
import org.gongzu.validation.FieldError;
import org.junit.jupiter.api.Test;

/** Each kind of failure gets its status and a Chinese message; nothing of the exception leaks. */
class ErrorTranslatorTest {

    @Test
    void unexpectedFailuresAreA500WithoutDetails() {
        for (Throwable failure : List.of(new IllegalStateException("select head_id_number from household"),
                new RestException(Status.INTERNAL_SERVER_ERROR, new ProcessEngineException("ENGINE-03051 listener failed"),
                        "Cannot complete task 5586669a-0000: ENGINE-03051"),
                new StackOverflowError())) {
            assertThat(ErrorTranslator.translate(failure, "TEST")).isEqualTo(Refusal.of(500, ErrorTranslator.INTERNAL));
        }
    }

    @Test
    void refusedInputNamesItsFieldsWhereverItIsNested() {
        InputRefusedException refused = new InputRefusedException(List.of(
                new FieldError("member2.idNumber", "第2位成员的「身份证号码」校验位不正确"),
                new FieldError("members[1].birthDate", "第2位成员的「出生日期」不能晚于今天")));
        Throwable wrapped = new RestException(Status.BAD_REQUEST, new ProcessEngineException("wrapped", refused),
                "Cannot submit task form 5586669a-0000: …");
        Refusal refusal = ErrorTranslator.translate(wrapped, "TEST");
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.body().fields()).isEqualTo(refused.errors());
        assertThat(refusal.body().message()).isEqualTo("第2位成员的「身份证号码」校验位不正确；第2位成员的「出生日期」不能晚于今天");
    }

    @Test
    void theEnginesOwnEnglishValidationMessageIsReplaced() {
        Refusal refusal = ErrorTranslator.translate(
                new FormFieldValidationException("note", "Invalid value submitted for form field 'note'"), "TEST");
        assertThat(refusal).isEqualTo(Refusal.badInput(ErrorTranslator.BAD_REQUEST,
                List.of(new FieldError("note", ErrorTranslator.BAD_REQUEST))));
    }

    @Test
    void authorizationRefusals() {
        assertThat(ErrorTranslator.translate(new ActionRefusedException("只能为自己认领任务"), "TEST"))
                .isEqualTo(Refusal.of(403, "只能为自己认领任务"));
        assertThat(ErrorTranslator.translate(new AuthorizationException("The user with id 'x' does not have 'UPDATE'"), "TEST"))
                .isEqualTo(Refusal.of(403, ErrorTranslator.FORBIDDEN));
    }

    @Test
    void lostRacesAreConflicts() {
        assertThat(ErrorTranslator.translate(new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity'"), "TEST"))
                .isEqualTo(Refusal.of(409, ErrorTranslator.CONFLICT));
        assertThat(ErrorTranslator.translate(new TaskAlreadyClaimedException("t1", "hdrc"), "TEST"))
                .isEqualTo(Refusal.of(409, ErrorTranslator.TASK_CLAIMED));
        assertThat(ErrorTranslator.translate(new RestException(Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id t1: task is null"), "Cannot complete task t1"), "TEST"))
                .isEqualTo(Refusal.of(409, ErrorTranslator.TASK_GONE));
        SQLException unique = new SQLException("duplicate key value violates unique constraint \"household_lease_no_key\"", "23505");
        assertThat(ErrorTranslator.translate(new ProcessEngineException("insert failed", unique), "TEST"))
                .isEqualTo(Refusal.of(409, ErrorTranslator.CONFLICT));
    }

    @Test
    void anUnreachableDatabaseIsA503() {
        Throwable outage = new ProcessEngineException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms"));
        assertThat(ErrorTranslator.translate(outage, "TEST")).isEqualTo(Refusal.of(503, ErrorTranslator.UNAVAILABLE));
        assertThat(ErrorTranslator.translate(new SQLException("Connection refused", "08001"), "TEST"))
                .isEqualTo(Refusal.of(503, ErrorTranslator.UNAVAILABLE));
        // the connection lost mid-request: the rollback fails on the closed connection (no SQL state) and
        // hides the first failure, which names the lost connection
        var rollbackFailed = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new ProcessEngineException("query failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(ErrorTranslator.translate(new ProcessEngineException("persistence", rollbackFailed), "TEST"))
                .isEqualTo(Refusal.of(503, ErrorTranslator.UNAVAILABLE));
    }
}
