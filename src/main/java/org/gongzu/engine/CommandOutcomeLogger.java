package org.gongzu.engine;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.gongzu.validation.FieldError;
import org.gongzu.validation.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how a failed engine command ended, once, at the outermost command, in place of the engine's
 * own ERROR with a stack trace: a refusal (bad input, a missing permission, a lost race) is the
 * caller's business and gets one DEBUG line without personal data (the REST layer writes the one
 * INFO line a refused request gets); anything else is a real failure, logged at ERROR with its trace.
 */
class CommandOutcomeLogger extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CommandOutcomeLogger.class);
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            if (depth[0] == 1) {
                log(command, e);
            }
            throw e;
        } finally {
            depth[0]--;
        }
    }

    private static void log(Command<?> command, RuntimeException e) {
        String commandName = command.getClass().getSimpleName();
        if (e instanceof InputRefusedException refused) {
            LOG.debug("Refused input in {}: fields {}", commandName,
                    refused.errors().stream().map(FieldError::field).collect(Collectors.joining(", ")));
        } else if (e instanceof FormFieldValidationException invalid) {
            LOG.debug("Refused input in {}: field {}", commandName, invalid.<Object>getDetail());
        } else if (isRefusal(e)) {
            LOG.debug("Refused {}: {} {}", commandName, e.getClass().getSimpleName(), IdNumber.maskInText(e.getMessage()));
        } else {
            LOG.error("Command {} failed", commandName, e);
        }
    }

    static boolean isRefusal(Throwable e) {
        return e instanceof AuthorizationException || e instanceof BadUserRequestException
                || e instanceof OptimisticLockingException || e instanceof TaskAlreadyClaimedException
                || e instanceof NullValueException || e instanceof FormFieldValidationException;
    }
}
