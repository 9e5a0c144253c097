package org.gongzu.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps an exception thrown by a listener in a generic ProcessEngineException, which the
 * REST API answers with 500. A refused form value or a refused action is the caller's business: this
 * interceptor, outside the transaction, hands the FormFieldValidationException (REST 400) or the
 * ActionRefusedException (REST 403) itself to the caller.
 */
class InvalidInputInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof FormFieldValidationException validation) {
                    throw validation;
                }
                if (cause instanceof ActionRefusedException refused) {
                    throw refused;
                }
            }
            throw e;
        }
    }
}
