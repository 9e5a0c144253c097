package org.gongzu.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What a new version of a model changes against a deployed one, element by element (by id): added,
 * removed, renamed, and the changes that alter who does what: sequence-flow conditions, a user
 * task's form and routing attributes, decision-table rows, form fields.
 */
final class ModelDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The whole comparison; {@code against.version} is null when nothing was deployed before. */
    record Result(Against against, List<Element> added, List<Element> removed, List<Rename> renamed,
            List<Change> changed) {

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && renamed.isEmpty() && changed.isEmpty();
        }
    }

    record Against(Integer version) {
    }

    record Element(String id, String type, String typeName, String name) {
    }

    record Rename(String id, String type, String typeName, String from, String to) {
    }

    record Change(String id, String type, String typeName, String what, String whatName, String from, String to) {
    }

    /** An element of a model as compared: its type, name and the attributes whose change matters. */
    private record Item(String type, String name, Map<String, String[]> attributes) {
    }

    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(Map.entry("userTask", "用户任务"),
            Map.entry("serviceTask", "服务任务"), Map.entry("businessRuleTask", "业务规则任务"),
            Map.entry("scriptTask", "脚本任务"), Map.entry("sendTask", "发送任务"), Map.entry("receiveTask", "接收任务"),
            Map.entry("manualTask", "手工任务"), Map.entry("task", "任务"), Map.entry("callActivity", "调用活动"),
            Map.entry("subProcess", "子流程"), Map.entry("exclusiveGateway", "排他网关"),
            Map.entry("inclusiveGateway", "包容网关"), Map.entry("parallelGateway", "并行网关"),
            Map.entry("eventBasedGateway", "事件网关"), Map.entry("startEvent", "开始事件"),
            Map.entry("endEvent", "结束事件"), Map.entry("boundaryEvent", "边界事件"),
            Map.entry("intermediateCatchEvent", "中间捕获事件"), Map.entry("intermediateThrowEvent", "中间抛出事件"),
            Map.entry("sequenceFlow", "顺序流"), Map.entry("decision", "决策"), Map.entry("rule", "规则"),
            Map.entry("formField", "表单字段"));

    private ModelDiff() {
    }

    static Result of(ModelKind kind, byte[] before, Integer beforeVersion, byte[] after) {
        Map<String, Item> old = before == null ? Map.of() : items(kind, before);
        return compare(new Against(beforeVersion), old, items(kind, after));
    }

    static String typeName(String type) {
        return TYPE_NAMES.getOrDefault(type, type);
    }

    private static Map<String, Item> items(ModelKind kind, byte[] content) {
        return switch (kind) {
            case BPMN -> bpmn(Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
            case DMN -> dmn(Dmn.readModelFromStream(new ByteArrayInputStream(content)));
            case FORM -> form(content);
        };
    }

    private static Map<String, Item> bpmn(BpmnModelInstance model) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            Map<String, String[]> attributes = new LinkedHashMap<>();
            if (element instanceof SequenceFlow flow) {
                ConditionExpression condition = flow.getConditionExpression();
                attributes.put("condition", new String[] {"条件", condition == null ? null : condition.getTextContent().strip()});
            }
            if (element instanceof UserTask task) {
                attributes.put("formRef", new String[] {"表单", task.getCamundaFormRef()});
                attributes.put("candidateGroups", new String[] {"候选组", task.getCamundaCandidateGroups()});
                attributes.put("candidateUsers", new String[] {"候选人", task.getCamundaCandidateUsers()});
                attributes.put("assignee", new String[] {"办理人", task.getCamundaAssignee()});
                attributes.put("dueDate", new String[] {"期限", task.getCamundaDueDate()});
            }
            if (element instanceof BusinessRuleTask task) {
                attributes.put("decisionRef", new String[] {"决策", task.getCamundaDecisionRef()});
            }
            items.put(element.getId(), new Item(element.getElementType().getTypeName(), element.getName(), attributes));
        }
        return items;
    }

    private static Map<String, Item> dmn(DmnModelInstance model) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            items.put(decision.getId(), new Item("decision", decision.getName(), Map.of()));
            for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
                List<Input> inputs = new ArrayList<>(table.getInputs());
                List<Output> outputs = new ArrayList<>(table.getOutputs());
                for (Rule rule : table.getRules()) {
                    Map<String, String[]> attributes = new LinkedHashMap<>();
                    List<InputEntry> conditions = new ArrayList<>(rule.getInputEntries());
                    for (int i = 0; i < conditions.size(); i++) {
                        String label = i < inputs.size() ? label(inputs.get(i).getLabel(), inputs.get(i).getId()) : "#" + (i + 1);
                        attributes.put("input:" + label, new String[] {"条件「" + label + "」", text(conditions.get(i).getText())});
                    }
                    List<OutputEntry> results = new ArrayList<>(rule.getOutputEntries());
                    for (int i = 0; i < results.size(); i++) {
                        String label = i < outputs.size()
                                ? label(outputs.get(i).getLabel(), label(outputs.get(i).getName(), outputs.get(i).getId()))
                                : "#" + (i + 1);
                        attributes.put("output:" + label, new String[] {"结果「" + label + "」", text(results.get(i).getText())});
                    }
                    String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
                    items.put(rule.getId(), new Item("rule", description, attributes));
                }
            }
        }
        return items;
    }

    private static Map<String, Item> form(byte[] content) {
        Map<String, Item> items = new LinkedHashMap<>();
        try {
            fields(JSON.readTree(content), items);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        return items;
    }

    private static void fields(JsonNode node, Map<String, Item> items) {
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                String label = firstText(component, "label", "dateLabel", "timeLabel", "text");
                Map<String, String[]> attributes = new LinkedHashMap<>();
                attributes.put("fieldType", new String[] {"字段类型", firstText(component, "type")});
                JsonNode required = component.path("validate").path("required");
                attributes.put("required", new String[] {"必填", required.isMissingNode() ? "false" : required.asText()});
                items.put(component.get("key").asText(), new Item("formField", label, attributes));
            }
            fields(component, items);
        }
    }

    private static Result compare(Against against, Map<String, Item> before, Map<String, Item> after) {
        List<Element> added = new ArrayList<>();
        List<Element> removed = new ArrayList<>();
        List<Rename> renamed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        after.forEach((id, item) -> {
            Item old = before.get(id);
            if (old == null) {
                added.add(element(id, item));
                return;
            }
            if (!Objects.equals(old.type(), item.type())) {
                changed.add(new Change(id, item.type(), typeName(item.type()), "type", "类型", typeName(old.type()),
                        typeName(item.type())));
            }
            if (!Objects.equals(blankToNull(old.name()), blankToNull(item.name()))) {
                renamed.add(new Rename(id, item.type(), typeName(item.type()), old.name(), item.name()));
            }
            item.attributes().forEach((what, value) -> {
                String[] was = old.attributes().getOrDefault(what, new String[] {value[0], null});
                if (!Objects.equals(blankToNull(was[1]), blankToNull(value[1]))) {
                    changed.add(new Change(id, item.type(), typeName(item.type()), what, value[0], was[1], value[1]));
                }
            });
        });
        before.forEach((id, item) -> {
            if (!after.containsKey(id)) {
                removed.add(element(id, item));
            }
        });
        return new Result(against, added, removed, renamed, changed);
    }

    private static Element element(String id, Item item) {
        return new Element(id, item.type(), typeName(item.type()), item.name());
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field).asText();
            }
        }
        return null;
    }

    private static String text(org.camunda.bpm.model.dmn.instance.Text text) {
        return text == null || text.getTextContent() == null ? null : text.getTextContent().strip();
    }

    private static String label(String label, String fallback) {
        return label == null || label.isBlank() ? fallback : label;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
