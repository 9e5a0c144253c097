package org.gongzu.modeling;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.gongzu.routing.TaskRoutingListener;

/**
 * The TaskRouting decision read for one question: does some rule route this task of this process?
 * A rule routes a task when its process and task cells accept them; its other cells (district,
 * assigned department, …) depend on the case, so they are taken to match some case.
 */
final class RoutingTable {

    static final String PROCESS_INPUT = "processKey";
    static final String TASK_INPUT = "taskKey";

    private record Cells(String process, String task) {
    }

    private final List<Cells> rules;

    private RoutingTable(List<Cells> rules) {
        this.rules = rules;
    }

    /** The routing table of this DMN, or null when it holds no TaskRouting decision table. */
    static RoutingTable of(DmnModelInstance dmn) {
        Decision decision = dmn.getModelElementById(TaskRoutingListener.DECISION_KEY) instanceof Decision d ? d : null;
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            return null;
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        int process = indexOf(inputs, PROCESS_INPUT);
        int task = indexOf(inputs, TASK_INPUT);
        List<Cells> rules = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            rules.add(new Cells(cell(entries, process), cell(entries, task)));
        }
        return new RoutingTable(rules);
    }

    /** The position of the input that reads {@code variable}, or -1. */
    static int indexOf(List<Input> inputs, String variable) {
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            if (input.getInputExpression() != null && input.getInputExpression().getText() != null
                    && variable.equals(input.getInputExpression().getText().getTextContent().trim())) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<InputEntry> entries, int index) {
        if (index < 0 || index >= entries.size() || entries.get(index).getText() == null) {
            return "";
        }
        return entries.get(index).getText().getTextContent().trim();
    }

    boolean routes(String processKey, String taskKey) {
        return rules.stream().anyMatch(rule -> accepts(rule.process(), processKey) && accepts(rule.task(), taskKey));
    }

    private static boolean accepts(String cell, String value) {
        return cell.isEmpty() || cell.equals("-") || Feel.accepts(cell, value);
    }
}
