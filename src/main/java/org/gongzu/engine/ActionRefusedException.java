package org.gongzu.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * An action the caller may not take, refused by one of Gongzu's own engine rules (e.g. claiming a
 * task for someone else). Its message is a short Chinese sentence meant for the caller as it is;
 * REST answers 403.
 */
public class ActionRefusedException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    public ActionRefusedException(String chineseMessage) {
        super(chineseMessage);
    }
}
