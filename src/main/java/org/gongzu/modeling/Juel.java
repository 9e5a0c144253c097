package org.gongzu.modeling;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/** JUEL expressions (${…}, #{…}) as the engine parses them: which top-level names they read. */
final class Juel {

    // the features the engine's ExpressionFactoryImpl enables: method calls with arguments, varargs
    private static final Builder BUILDER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private Juel() {
    }

    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * An expression as the engine parses it: the names it resolves (beans or variables, not properties
     * or methods of them), and every target it reads a property or calls a method on.
     */
    record Parsed(List<String> identifiers, List<Target> dereferenced) {
    }

    static Parsed parse(String text) throws InvalidExpression {
        try {
            Tree tree = BUILDER.build(text);
            List<String> names = new ArrayList<>();
            for (IdentifierNode node : tree.getIdentifierNodes()) {
                names.add(node.getName());
            }
            List<Target> targets = new ArrayList<>();
            walk(tree.getRoot(), targets);
            return new Parsed(names, targets);
        } catch (TreeBuilderException e) {
            throw new InvalidExpression(e.getMessage());
        }
    }

    /** What a property, index or method of the expression is read on ({@code a} of {@code a.b}, {@code a[b]}, {@code a.b()}). */
    sealed interface Target permits Name, Other {
    }

    /** A name (a bean or a process variable). */
    record Name(String name) implements Target {
    }

    /** Anything else: a literal, a method's result, a function ({@code 'x'.getClass()}, {@code a.b().c}, {@code fn:f()}). */
    record Other(String what) implements Target {
    }

    private static void walk(Node node, List<Target> targets) {
        if (node instanceof AstProperty) {
            Node prefix = node.getChild(0);
            targets.add(prefix instanceof AstIdentifier id ? new Name(id.getName()) : new Other(prefix.toString()));
        } else if (node instanceof AstFunction function) {
            targets.add(new Other(function.getName() + "()"));
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            walk(node.getChild(i), targets);
        }
    }

    static final class InvalidExpression extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidExpression(String message) {
            super(message);
        }
    }
}
