package org.gongzu.modeling;

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
        Juel.Parsed parsed;
        try {
            parsed = Juel.parse(expression);
        } catch (Juel.InvalidExpression e) {
            return Optional.of(described + "的表达式「" + expression.trim() + "」无法解析：" + e.getMessage());
        }
        Optional<String> forbidden = parsed.identifiers().stream().filter(beans::isForbidden).findFirst().map(bean -> described
                + "的表达式「" + expression.trim() + "」调用了不允许的系统组件「" + bean + "」；模型中的表达式只能调用这些组件："
                + allowed());
        if (forbidden.isPresent()) {
            return forbidden;
        }
        // a process variable is a value: reading its properties or calling its methods would reach the
        // engine and the JVM (${execution.processEngineServices…}, ${'x'.getClass()…})
        for (Juel.Target target : parsed.dereferenced()) {
            boolean bean = target instanceof Juel.Name name && beans.names().contains(name.name());
            if (!bean) {
                String what = target instanceof Juel.Name name ? "「" + name.name() + "」" : "表达式的中间结果";
                return Optional.of(described + "的表达式「" + expression.trim() + "」读取了" + what
                        + "的属性或方法；表达式只能调用这些组件的方法（不能连续调用）：" + allowed()
                        + "，流程变量只能作为值使用");
            }
        }
        return Optional.empty();
    }

    private String allowed() {
        return String.join("、", new TreeSet<>(beans.names()));
    }
}
