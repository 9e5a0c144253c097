package org.gongzu.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.gongzu.identity.Department;
import org.gongzu.routing.TaskRoutingListener;
import org.w3c.dom.Element;

/**
 * The checks of one DMN file: ids that read, historyTimeToLive, decision tables whose every rule
 * has a FEEL cell per input and output, no script languages, what the engine's DMN transform refuses,
 * and for TaskRouting outputs that the router turns into candidate groups.
 */
final class DmnChecks {

    private static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
    /** What the router accepts: a group {@code <department>-<district or sub-district code>} or a department code. */
    private static final Pattern GROUP = Pattern.compile("[a-z]+-[0-9]{6}([0-9]{3})?");
    /** A case's inputs as the router passes them, to evaluate each routing rule's output on. */
    private static final Map<String, Object> SAMPLE_CASE = Map.of("districtCode", "110108", "subDistrictCode", "110108015",
            "assignedDepartment", "edu");

    private final ExpressionRule expressions;
    private final EngineAccess engine;

    DmnChecks(ExpressionRule expressions, EngineAccess engine) {
        this.expressions = expressions;
        this.engine = engine;
    }

    List<ModelProblem> check(String file, byte[] content) {
        DmnModelInstance model;
        Element root;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            root = Xml.root(content);
        } catch (RuntimeException e) {
            return List.of(new ModelProblem(file, null, "DMN 文件无法解析：" + Xml.reason(e)));
        }
        List<ModelProblem> problems = new ArrayList<>();
        scan(file, root, root.getNamespaceURI(), problems);
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String described = Described.of("决策", decision.getName(), decision.getId());
            if (decision.getCamundaHistoryTimeToLiveString() == null || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
                problems.add(new ModelProblem(file, decision.getId(), described + "没有设置历史保留期限（historyTimeToLive）"));
            }
            if (decision.getExpression() instanceof DecisionTable table) {
                table(file, decision, table, problems);
                if (TaskRoutingListener.DECISION_KEY.equals(decision.getId())) {
                    routing(file, table, problems);
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(engineProblems(file, model));
        }
        return problems;
    }

    private void table(String file, Decision decision, DecisionTable table, List<ModelProblem> problems) {
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        for (Input input : inputs) {
            String described = Described.of("决策「" + decision.getId() + "」的输入列", input.getLabel(), input.getId());
            InputExpression expression = input.getInputExpression();
            String text = expression == null || expression.getText() == null ? null : expression.getText().getTextContent();
            if (text == null || text.isBlank()) {
                problems.add(new ModelProblem(file, input.getId(), described + "没有输入表达式"));
                continue;
            }
            if (expression.getTypeRef() == null || expression.getTypeRef().isBlank()) {
                problems.add(new ModelProblem(file, input.getId(), described + "没有类型（typeRef）"));
            }
            if (isFeel(expression.getExpressionLanguage()) && !Juel.isExpression(text)) {
                String error = Feel.expressionError(text);
                if (error != null) {
                    problems.add(new ModelProblem(file, input.getId(), described + "的输入表达式「" + text.trim()
                            + "」不是有效的 FEEL 表达式：" + error));
                }
            }
        }
        for (Rule rule : table.getRules()) {
            String described = Described.of("决策「" + decision.getId() + "」的规则", null, rule.getId());
            List<InputEntry> inputEntries = new ArrayList<>(rule.getInputEntries());
            List<OutputEntry> outputEntries = new ArrayList<>(rule.getOutputEntries());
            if (inputEntries.size() != inputs.size()) {
                problems.add(new ModelProblem(file, rule.getId(), described + "有 " + inputEntries.size()
                        + " 个输入条件，而决策表有 " + inputs.size() + " 个输入列：每列都要有条件（不限时填 -）"));
            }
            if (outputEntries.size() != outputs.size()) {
                problems.add(new ModelProblem(file, rule.getId(), described + "有 " + outputEntries.size()
                        + " 个输出，而决策表有 " + outputs.size() + " 个输出列"));
            }
            for (InputEntry entry : inputEntries) {
                unaryTests(file, rule.getId(), described, entry, problems);
            }
            for (OutputEntry entry : outputEntries) {
                String text = entry.getText() == null ? "" : entry.getText().getTextContent();
                if (!text.isBlank() && isFeel(entry.getExpressionLanguage()) && !Juel.isExpression(text)) {
                    String error = Feel.expressionError(text);
                    if (error != null) {
                        problems.add(new ModelProblem(file, rule.getId(), described + "的输出「" + text.trim()
                                + "」不是有效的 FEEL 表达式：" + error));
                    }
                }
            }
        }
    }

    private static void unaryTests(String file, String ruleId, String described, UnaryTests entry, List<ModelProblem> problems) {
        String text = entry.getText() == null ? "" : entry.getText().getTextContent();
        if (text.isBlank() || !isFeel(entry.getExpressionLanguage()) || Juel.isExpression(text)) {
            return;
        }
        String error = Feel.unaryTestsError(text);
        if (error != null) {
            problems.add(new ModelProblem(file, ruleId, described + "的输入条件「" + text.trim()
                    + "」不是有效的 FEEL 条件：" + error));
        }
    }

    /** The router reads processKey and taskKey, and makes a candidate group of each output. */
    private static void routing(String file, DecisionTable table, List<ModelProblem> problems) {
        List<Input> inputs = new ArrayList<>(table.getInputs());
        for (String variable : List.of(RoutingTable.PROCESS_INPUT, RoutingTable.TASK_INPUT)) {
            if (RoutingTable.indexOf(inputs, variable) < 0) {
                problems.add(new ModelProblem(file, table.getId(), "派单规则表缺少读取「" + variable + "」的输入列"));
            }
        }
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int group = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (TaskRoutingListener.OUTPUT.equals(outputs.get(i).getName())) {
                group = i;
            }
        }
        if (group < 0) {
            problems.add(new ModelProblem(file, table.getId(), "派单规则表缺少名为「" + TaskRoutingListener.OUTPUT + "」的输出列"));
            return;
        }
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            if (group >= entries.size()) {
                continue; // reported as a missing output
            }
            LiteralExpression entry = entries.get(group);
            String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
            Object value = text.isEmpty() ? null : Feel.evaluate(text, SAMPLE_CASE);
            if (!(value instanceof String route) || !(GROUP.matcher(route).matches() || Department.ofCode(route).isPresent())) {
                problems.add(new ModelProblem(file, rule.getId(), Described.of("派单规则", null, rule.getId()) + "的候选组「" + text
                        + "」无法派单：应为「\"部门代码-\" + subDistrictCode」（街道部门）、「\"部门代码-\" + districtCode」（区级部门），"
                        + "或部门代码本身（如 assignedDepartment）"));
            }
        }
    }

    /** Walks every element: generated ids, script languages, JUEL expressions. */
    private void scan(String file, Element element, String dmnNs, List<ModelProblem> problems) {
        String ns = element.getNamespaceURI();
        if (!dmnNs.equals(ns) && !CAMUNDA_DMN_NS.equals(ns)) {
            return; // diagram interchange
        }
        Element owner = Xml.owner(element);
        String ownerId = owner == null ? null : owner.getAttribute("id");
        String described = owner == null ? "模型" : Described.of("元素", owner.getAttribute("name"), ownerId);
        if (element.hasAttribute("id") && ReadableIds.isGenerated(element.getAttribute("id"))) {
            problems.add(new ModelProblem(file, element.getAttribute("id"), ReadableIds.problem(
                    Described.of("元素", element.getAttribute("name"), element.getAttribute("id")))));
        }
        String language = element.getAttribute("expressionLanguage");
        if (!language.isEmpty() && !isFeel(language) && !"juel".equalsIgnoreCase(language)) {
            problems.add(new ModelProblem(file, ownerId, described + "使用了脚本语言「" + language + "」：模型中不允许脚本，请用 FEEL"));
        }
        String text = Xml.ownText(element);
        if (Juel.isExpression(text)) {
            expressions.problem(described, text).ifPresent(p -> problems.add(new ModelProblem(file, ownerId, p)));
        }
        Xml.children(element).forEach(child -> scan(file, child, dmnNs, problems));
    }

    private static boolean isFeel(String language) {
        return language == null || language.isBlank() || language.toLowerCase(Locale.ROOT).contains("feel");
    }

    /** What the engine's DMN transform (the one that deploys decisions) refuses. */
    private List<ModelProblem> engineProblems(String file, DmnModelInstance model) {
        return engine.call(context -> {
            try {
                context.getProcessEngineConfiguration().getDmnEngine().parseDecisionRequirementsGraph(model);
                return List.<ModelProblem>of();
            } catch (RuntimeException e) {
                return List.of(new ModelProblem(file, null, "决策引擎不接受该模型：" + Xml.reason(e)));
            }
        });
    }
}
