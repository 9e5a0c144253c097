package org.gongzu.web.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.spin.SpinRuntimeException;
import org.gongzu.engine.ActionRefusedException;
import org.gongzu.engine.InputRefusedException;
import org.gongzu.modeling.ModelRefusedException;
import org.gongzu.validation.FieldError;
import org.gongzu.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Turns any exception met while answering a REST request into one Chinese refusal (status and
 * {@link ErrorBody}) for /api, /engine-rest and the webapps' REST applications alike. Messages never
 * carry ids, class names, SQL or engine internals: those go to the log, refusals as one INFO line,
 * real failures at ERROR with their stack trace.
 */
public final class ErrorTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);

    static final String BAD_REQUEST = "请求内容不正确，请检查后重试";
    static final String MALFORMED = "请求内容格式不正确：不是有效的 JSON，或字段类型不符";
    static final String TOO_LARGE = "请求内容过大或嵌套层级过深";
    static final String UPLOAD_TOO_LARGE = "「文件」超过允许的大小上限";
    static final String QUERY_CAP = "查询结果过多：请限定每次查询的条数（maxResults），或缩小查询范围";
    static final String SERIALIZED_VALUE = "不接受 Java 序列化格式的变量值";
    static final String WEAK_PASSWORD = "密码不符合密码规则：至少10个字符，须含大写字母、小写字母、数字和特殊字符，且不能包含用户名";
    static final String UNAUTHENTICATED = "请先登录";
    static final String FORBIDDEN = "您没有执行此操作的权限";
    static final String NOT_FOUND = "您要找的内容不存在，或您无权查看";
    static final String METHOD_NOT_ALLOWED = "不支持该请求方式";
    static final String UNSUPPORTED_TYPE = "不支持该请求的内容格式";
    static final String CONFLICT = "该记录已被他人同时办理或修改，请刷新后重试";
    // both begin as Tasklist's own "task does not exist" notice does
    static final String TASK_GONE = "该任务已不存在：可能已由他人办理完毕，请刷新任务列表";
    static final String TASK_NOT_FOUND = "该任务已不存在，或您无权查看";
    static final String SUSPENDED = "该流程已被暂停，暂时不能办理";
    static final String TASK_CLAIMED = "该任务已被他人认领";
    static final String UNAVAILABLE = "系统暂时无法连接数据库，请稍后重试";
    static final String INTERNAL = "系统内部错误，请稍后重试；如仍有问题，请联系系统管理员";

    /** The engine names the variable it could not read this way ("Cannot deserialize object in variable 'member1'"). */
    private static final Pattern VARIABLE_IN_MESSAGE = Pattern.compile("in variable '([A-Za-z0-9_.\\[\\]-]{1,100})'");
    private static final Pattern JAVA_SERIALIZATION = Pattern.compile(
            "Cannot set variable with name ([A-Za-z0-9_.-]{1,100})\\. Java serialization format is prohibited");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private ErrorTranslator() {
    }

    /** The refusal for {@code error}, logged once; {@code where} is the request ("POST /api/leases"). */
    public static Refusal translate(Throwable error, String where) {
        Refusal refusal = classify(error);
        log(refusal, error, where);
        return refusal;
    }

    /** The refusal for an HTTP status reached without an exception (Spring's /error page). */
    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406, 415 -> UNSUPPORTED_TYPE;
            case 409 -> CONFLICT;
            case 413 -> TOO_LARGE;
            case 503 -> UNAVAILABLE;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL;
        };
    }

    /** True if the database refused a row because another transaction stored the same key first. */
    public static boolean isDuplicateKey(Throwable error) {
        List<Throwable> chain = chain(error);
        return first(chain, DuplicateKeyException.class).isPresent() || hasSqlState(chain, "23505");
    }

    static Refusal classify(Throwable error) {
        List<Throwable> chain = chain(error);

        Optional<RequestConflictException> conflict = first(chain, RequestConflictException.class);
        if (conflict.isPresent()) {
            return new Refusal(409, new ErrorBody(conflict.get().getMessage(), conflict.get().fields()));
        }
        Optional<ModelRefusedException> refusedModel = first(chain, ModelRefusedException.class);
        if (refusedModel.isPresent()) {
            // the reasons are the answer (docs/adr/0022): each problem marks its element, or the file
            return Refusal.badInput(refusedModel.get().getMessage(), refusedModel.get().problems().stream()
                    .map(p -> new FieldError(p.elementId() != null ? p.elementId() : p.resource(), p.message())).toList());
        }
        if (first(chain, org.springframework.web.multipart.MaxUploadSizeExceededException.class).isPresent()) {
            return Refusal.badInput(UPLOAD_TOO_LARGE, List.of(new FieldError("file", UPLOAD_TOO_LARGE)));
        }
        Optional<Refusal> input = refusedInput(chain);
        if (input.isPresent()) {
            return input.get();
        }
        Optional<ActionRefusedException> refusedAction = first(chain, ActionRefusedException.class);
        if (refusedAction.isPresent()) {
            return Refusal.of(403, refusedAction.get().getMessage());
        }
        if (first(chain, AuthorizationException.class).isPresent()) {
            return Refusal.of(403, FORBIDDEN);
        }
        if (isDatabaseUnreachable(chain)) {
            return Refusal.of(503, UNAVAILABLE);
        }
        Optional<Refusal> race = lostRace(chain);
        if (race.isPresent()) {
            return race.get();
        }
        if (first(chain, StreamConstraintsException.class).isPresent()
                || first(chain, RestErrorFilter.BodyTooLargeException.class).isPresent()) {
            return Refusal.badInput(TOO_LARGE, variableNamed(chain, TOO_LARGE));
        }
        if (first(chain, JsonProcessingException.class).isPresent()
                || first(chain, HttpMessageNotReadableException.class).isPresent()
                || first(chain, SpinRuntimeException.class).isPresent()) {
            return Refusal.badInput(MALFORMED, variableNamed(chain, MALFORMED));
        }
        for (Throwable cause : chain) {
            Matcher serialized = JAVA_SERIALIZATION.matcher(String.valueOf(cause.getMessage()));
            if (cause instanceof ProcessEngineException && serialized.find()) {
                return Refusal.badInput(SERIALIZED_VALUE, List.of(new FieldError(serialized.group(1), SERIALIZED_VALUE)));
            }
        }
        if (chain.stream().anyMatch(c -> c instanceof ProcessEngineException && c.getMessage() != null
                && c.getMessage().startsWith("Password does not match policy"))) {
            return Refusal.badInput(WEAK_PASSWORD, List.of(new FieldError("password", WEAK_PASSWORD)));
        }
        if (chain.stream().anyMatch(ErrorTranslator::isQueryCap)) {
            return Refusal.badInput(QUERY_CAP, List.of());
        }
        return byStatus(chain);
    }

    private static Optional<Refusal> refusedInput(List<Throwable> chain) {
        for (Throwable cause : chain) {
            if (cause instanceof InputRefusedException refused) {
                return Optional.of(Refusal.badInput(refused.getMessage(), refused.errors()));
            }
            if (cause instanceof InvalidInputException invalid) {
                return Optional.of(Refusal.badInput(invalid.getMessage(), invalid.errors()));
            }
            if (cause instanceof FormFieldValidationException validation) {
                String field = validation.getDetail() == null ? null : validation.getDetail().toString();
                // Gongzu's own checks speak Chinese; the engine's built-in validators speak English
                String message = validation.getMessage() != null && CHINESE.matcher(validation.getMessage()).find()
                        ? validation.getMessage() : BAD_REQUEST;
                return Optional.of(Refusal.badInput(message,
                        field == null ? List.of() : List.of(new FieldError(field, message))));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> lostRace(List<Throwable> chain) {
        if (first(chain, TaskAlreadyClaimedException.class).isPresent()) {
            return Optional.of(Refusal.of(409, TASK_CLAIMED));
        }
        if (first(chain, SuspendedEntityInteractionException.class).isPresent()) {
            return Optional.of(Refusal.of(409, SUSPENDED));
        }
        if (first(chain, OptimisticLockingException.class).isPresent()
                || first(chain, ConcurrencyFailureException.class).isPresent()
                || first(chain, DuplicateKeyException.class).isPresent()
                // unique violation, serialization failure, deadlock
                || hasSqlState(chain, "23505") || hasSqlState(chain, "40001") || hasSqlState(chain, "40P01")
                || chain.stream().anyMatch(c -> c instanceof ProcessEngineException p
                        && p.getCode() == BuiltinExceptionCode.DEADLOCK.getCode())) {
            return Optional.of(Refusal.of(409, CONFLICT));
        }
        // a task completed by someone else a moment before is gone when this request looks for it
        if (chain.stream().anyMatch(c -> c instanceof NullValueException && !(c instanceof NotFoundException)
                && c.getMessage() != null && c.getMessage().startsWith("Cannot find task"))) {
            return Optional.of(Refusal.of(409, TASK_GONE));
        }
        return Optional.empty();
    }

    private static boolean isDatabaseUnreachable(List<Throwable> chain) {
        return chain.stream().anyMatch(c -> c instanceof SQLTransientConnectionException
                || c instanceof SQLNonTransientConnectionException
                || c instanceof CannotGetJdbcConnectionException
                || c instanceof CannotCreateTransactionException
                || c instanceof DataAccessResourceFailureException)
                // connection exception (08…), server shutting down (57P01-57P03)
                || hasSqlStatePrefix(chain, "08") || hasSqlStatePrefix(chain, "57P0");
    }

    private static boolean isQueryCap(Throwable cause) {
        return cause instanceof BadUserRequestException && cause.getMessage() != null
                && (cause.getMessage().contains("unbound number of results")
                        || cause.getMessage().contains("Max results limit"));
    }

    /** A status carried by the outermost exception that has one; otherwise 500. */
    private static Refusal byStatus(List<Throwable> chain) {
        for (Throwable cause : chain) {
            Integer status = statusOf(cause);
            if (status != null) {
                if (status == 400) {
                    return Refusal.badInput(BAD_REQUEST, List.of());
                }
                if (status == 404 && cause instanceof RestException && cause.getMessage() != null
                        && cause.getMessage().startsWith("No matching task")) {
                    return Refusal.of(404, TASK_NOT_FOUND);
                }
                if (cause instanceof ResponseStatusException own && own.getReason() != null
                        && CHINESE.matcher(own.getReason()).find() && status < 500) {
                    return Refusal.of(status, own.getReason());
                }
                return Refusal.of(status >= 500 && status != 503 ? 500 : status, messageFor(status));
            }
        }
        return Refusal.of(500, INTERNAL);
    }

    private static Integer statusOf(Throwable cause) {
        if (cause instanceof RestException rest && rest.getStatus() != null) {
            return rest.getStatus().getStatusCode();
        }
        if (cause instanceof WebApplicationException web && web.getResponse() != null) {
            return web.getResponse().getStatus();
        }
        if (cause instanceof ErrorResponse response) {
            return response.getStatusCode().value();
        }
        if (cause instanceof NotFoundException) {
            return 404;
        }
        if (cause instanceof BadUserRequestException || cause instanceof NullValueException
                || cause instanceof TypeMismatchException) {
            return 400;
        }
        return null;
    }

    /** The Json variable the engine could not read, named as a field so that the form marks it. */
    private static List<FieldError> variableNamed(List<Throwable> chain, String message) {
        for (Throwable cause : chain) {
            Matcher matcher = VARIABLE_IN_MESSAGE.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return List.of(new FieldError(matcher.group(1), message));
            }
        }
        return List.of();
    }

    private static boolean hasSqlState(List<Throwable> chain, String state) {
        return chain.stream().anyMatch(c -> c instanceof SQLException sql && state.equals(sql.getSQLState()));
    }

    private static boolean hasSqlStatePrefix(List<Throwable> chain, String prefix) {
        return chain.stream().anyMatch(c -> c instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(prefix));
    }

    private static <T> Optional<T> first(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The exception and its causes, outermost first (SQLException's chained exceptions included). */
    static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = next(cause)) {
            chain.add(cause);
        }
        // a failed rollback hides what failed first (the connection lost in the middle of the request)
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof org.springframework.transaction.TransactionSystemException tx
                    && tx.getApplicationException() != null) {
                for (Throwable cause = tx.getApplicationException(); cause != null && seen.add(cause); cause = next(cause)) {
                    chain.add(cause);
                }
            }
        }
        return chain;
    }

    private static Throwable next(Throwable cause) {
        if (cause.getCause() == null && cause instanceof SQLException sql) {
            return sql.getNextException();
        }
        return cause.getCause();
    }

    private static void log(Refusal refusal, Throwable error, String where) {
        int status = refusal.status();
        if (status == 500) {
            LOG.error("Request {} failed", where, error);
            return;
        }
        // one line: the exception types and field keys, never values (they may carry personal data)
        String types = chain(error).stream().map(c -> c.getClass().getSimpleName()).collect(Collectors.joining(" < "));
        String fields = refusal.body().fields() == null || refusal.body().fields().isEmpty() ? ""
                : " fields " + refusal.body().fields().stream().map(FieldError::field).toList();
        if (status == 503) {
            LOG.warn("Request {} answered 503, database unreachable ({})", where, types);
        } else {
            LOG.info("Request {} refused with {} ({}){}", where, status, types, fields);
        }
    }
}
