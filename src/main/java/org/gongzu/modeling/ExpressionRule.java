package org.gongzu.modeling;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Expressions may call only the beans marked {@code @ModelBean}: a name in an expression that is
 * any other Spring bean is refused; names that are no bean are process variables.
 */
final class ExpressionRule {

    private final AllowedBeans beans;

    ExpressionRule(AllowedBeans beans) {
        this.beans = beans;
    }

    /** Why this expression, found in the described element, may not be deployed; empty if it may. */
    Optional<String> problem(String described, String expression) {
        List<String> names;
        try {
            names = Juel.identifiers(expression);
        } catch (Juel.InvalidExpression e) {
            return Optional.of(described + "的表达式「" + expression.trim() + "」无法解析：" + e.getMessage());
        }
        return names.stream().filter(beans::isForbidden).findFirst().map(bean -> described + "的表达式「"
                + expression.trim() + "」调用了不允许的系统组件「" + bean + "」；模型中的表达式只能调用这些组件："
                + String.join("、", new TreeSet<>(beans.names())));
    }
}
