package org.gongzu.modeling;

import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/** FEEL as the engine's DMN uses it (feel-scala): parses cells and evaluates them on sample inputs. */
final class Feel {

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

    private Feel() {
    }

    /** Why {@code text} is not a FEEL simple unary test, or null if it is one. */
    static String unaryTestsError(String text) {
        ParseResult result = ENGINE.parseUnaryTests(text);
        return result.isSuccess() ? null : result.failure().message();
    }

    /** Why {@code text} is not a FEEL expression, or null if it is one. */
    static String expressionError(String text) {
        ParseResult result = ENGINE.parseExpression(text);
        return result.isSuccess() ? null : result.failure().message();
    }

    /** Whether the unary test accepts {@code value}; a test that fails to evaluate accepts nothing. */
    static boolean accepts(String unaryTests, Object value) {
        EvaluationResult result = ENGINE.evaluateUnaryTests(unaryTests, value, Map.<String, Object>of());
        return result.isSuccess() && Boolean.TRUE.equals(result.result());
    }

    /** The value of the expression with these variables, or null when it cannot be evaluated. */
    static Object evaluate(String expression, Map<String, Object> variables) {
        EvaluationResult result = ENGINE.evaluateExpression(expression, variables);
        return result.isSuccess() ? result.result() : null;
    }
}
