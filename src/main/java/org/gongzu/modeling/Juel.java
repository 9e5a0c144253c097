package org.gongzu.modeling;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
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

    /** The names the expression resolves (beans or variables), not properties or methods of them. */
    static List<String> identifiers(String text) throws InvalidExpression {
        try {
            Tree tree = BUILDER.build(text);
            List<String> names = new ArrayList<>();
            for (IdentifierNode node : tree.getIdentifierNodes()) {
                names.add(node.getName());
            }
            return names;
        } catch (TreeBuilderException e) {
            throw new InvalidExpression(e.getMessage());
        }
    }

    static final class InvalidExpression extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidExpression(String message) {
            super(message);
        }
    }
}
