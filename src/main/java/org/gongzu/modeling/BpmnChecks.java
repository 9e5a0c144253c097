package org.gongzu.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.w3c.dom.Element;

/**
 * The checks of one BPMN file: ids that read, historyTimeToLive, no scripts and no camunda:class,
 * expressions calling only allowed beans, user tasks named in Chinese with a form of the deployment
 * and a routing rule, and what the engine's own parser refuses.
 */
final class BpmnChecks {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Camunda's extension attributes, and the Activiti names the engine still reads for them. */
    private static final Set<String> EXTENSION_NS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

    private static boolean isExtension(String namespace) {
        return namespace != null && EXTENSION_NS.contains(namespace);
    }
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private final ExpressionRule expressions;
    private final EngineAccess engine;

    BpmnChecks(ExpressionRule expressions, EngineAccess engine) {
        this.expressions = expressions;
        this.engine = engine;
    }

    List<ModelProblem> check(String file, byte[] content, Set<String> formIds, Supplier<RoutingTable> routing) {
        List<ModelProblem> problems = new ArrayList<>();
        BpmnModelInstance model;
        Element root;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            root = Xml.root(content);
        } catch (RuntimeException e) {
            return List.of(new ModelProblem(file, null, "BPMN 文件无法解析：" + Xml.reason(e)));
        }
        scan(file, root, problems);
        Supplier<RoutingTable> routingOnce = once(routing);
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                continue;
            }
            if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                problems.add(new ModelProblem(file, process.getId(), Described.of("流程", process.getName(), process.getId())
                        + "没有设置历史保留期限（historyTimeToLive）"));
            }
            userTasks(file, process, formIds, routingOnce, problems);
            for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                String formRef = start.getCamundaFormRef();
                if (formRef != null && !formIds.contains(formRef)) {
                    problems.add(new ModelProblem(file, start.getId(), Described.of("开始事件", start.getName(), start.getId())
                            + "使用的表单「" + formRef + "」不在本次部署中，请把该表单与流程一起部署"));
                }
            }
        }
        problems.addAll(engineProblems(file, content));
        return problems;
    }

    private void userTasks(String file, Process process, Set<String> formIds, Supplier<RoutingTable> routing,
            List<ModelProblem> problems) {
        for (UserTask task : process.getModelInstance().getModelElementsByType(UserTask.class)) {
            if (!process.equals(owningProcess(task))) {
                continue;
            }
            String described = Described.of("用户任务", task.getName(), task.getId());
            if (task.getName() == null || !CHINESE.matcher(task.getName()).find()) {
                problems.add(new ModelProblem(file, task.getId(), described + "没有中文名称"));
            }
            String formRef = task.getCamundaFormRef();
            if (formRef == null || formRef.isBlank()) {
                problems.add(new ModelProblem(file, task.getId(), described + "没有表单（camunda:formRef）"));
            } else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                problems.add(new ModelProblem(file, task.getId(), described
                        + "的表单须随流程一起部署：请把表单绑定方式设为 deployment（camunda:formRefBinding=\"deployment\"）"));
            } else if (!formIds.contains(formRef)) {
                problems.add(new ModelProblem(file, task.getId(), described + "使用的表单「" + formRef
                        + "」不在本次部署中，请把该表单与流程一起部署"));
            }
            RoutingTable table = routing.get();
            if (table == null) {
                problems.add(new ModelProblem(file, task.getId(), described + "无法派单：派单规则表 TaskRouting 尚未部署"));
            } else if (!table.routes(process.getId(), task.getId())) {
                problems.add(new ModelProblem(file, task.getId(), described + "没有派单规则：请在派单规则表 TaskRouting 中为流程「"
                        + process.getId() + "」的任务「" + task.getId() + "」加一行"));
            }
        }
    }

    /** Looks the routing table up at most once per file, and only if the file has user tasks. */
    private static Supplier<RoutingTable> once(Supplier<RoutingTable> lookUp) {
        Object[] found = new Object[1];
        boolean[] looked = new boolean[1];
        return () -> {
            if (!looked[0]) {
                found[0] = lookUp.get();
                looked[0] = true;
            }
            return (RoutingTable) found[0];
        };
    }

    private static Process owningProcess(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof Process process) {
                return process;
            }
        }
        return null;
    }

    /** Walks every element: generated ids, scripts, camunda:class and the expressions in attributes and text. */
    private void scan(String file, Element element, List<ModelProblem> problems) {
        String ns = element.getNamespaceURI();
        boolean semantic = BPMN_NS.equals(ns) || isExtension(ns);
        if (!semantic) {
            return; // diagram interchange: shapes and edges carry no behaviour
        }
        Element owner = Xml.owner(element);
        String ownerId = owner == null ? null : owner.getAttribute("id");
        String described = owner == null ? "模型" : Described.of("元素", owner.getAttribute("name"), ownerId);
        String local = element.getLocalName();
        if (BPMN_NS.equals(ns) && element.hasAttribute("id") && ReadableIds.isGenerated(element.getAttribute("id"))) {
            problems.add(new ModelProblem(file, element.getAttribute("id"), ReadableIds.problem(
                    Described.of("元素", element.getAttribute("name"), element.getAttribute("id")))));
        }
        if (BPMN_NS.equals(ns) && "scriptTask".equals(local)) {
            problems.add(new ModelProblem(file, ownerId, Described.of("脚本任务", element.getAttribute("name"), ownerId)
                    + "：不允许脚本任务，请改为服务任务调用系统提供的步骤"));
        } else if (isExtension(ns) && "script".equals(local)) {
            problems.add(new ModelProblem(file, ownerId, described + "含有脚本（camunda:script）：模型中不允许脚本"));
        } else if (BPMN_NS.equals(ns) && element.hasAttribute("language")) {
            problems.add(new ModelProblem(file, ownerId, described + "的表达式使用了脚本语言「"
                    + element.getAttribute("language") + "」：模型中不允许脚本"));
        }
        Xml.attributes(element).forEach(attribute -> {
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean extension = isExtension(attribute.getNamespaceURI())
                    || (attribute.getNamespaceURI() == null && isExtension(ns));
            if (extension && CLASS_ATTRIBUTES.contains(name)) {
                problems.add(new ModelProblem(file, ownerId, described + "调用了 Java 类「" + attribute.getValue()
                        + "」（camunda:" + name + "）：不允许，请用表达式调用系统提供的步骤"));
            } else if (extension && "resource".equals(name)) {
                problems.add(new ModelProblem(file, ownerId, described + "引用了外部脚本「" + attribute.getValue()
                        + "」（camunda:resource）：模型中不允许脚本"));
            } else if (Juel.isExpression(attribute.getValue())) {
                expressions.problem(described, attribute.getValue()).ifPresent(p -> problems.add(new ModelProblem(file, ownerId, p)));
            }
        });
        String text = Xml.ownText(element);
        if (Juel.isExpression(text)) {
            expressions.problem(described, text).ifPresent(p -> problems.add(new ModelProblem(file, ownerId, p)));
        }
        Xml.children(element).forEach(child -> scan(file, child, problems));
    }

    /** What the engine's BPMN parser (schema and engine rules, without Gongzu's parse listeners) refuses. */
    private List<ModelProblem> engineProblems(String file, byte[] content) {
        return engine.call(context -> {
            BpmnParser parser = new BpmnParser(context.getProcessEngineConfiguration().getExpressionManager(),
                    new DefaultBpmnParseFactory());
            try {
                parser.createParse().sourceInputStream(new ByteArrayInputStream(content)).deployment(new DeploymentEntity())
                        .name(file).execute();
                return List.<ModelProblem>of();
            } catch (ParseException e) {
                List<ModelProblem> problems = new ArrayList<>();
                for (ResourceReport report : e.getResorceReports()) {
                    for (Problem problem : report.getErrors()) {
                        problems.add(new ModelProblem(file, problem.getMainElementId(), "流程引擎不接受该模型："
                                + problem.getMessage()));
                    }
                }
                return problems.isEmpty() ? List.of(new ModelProblem(file, null, "流程引擎不接受该模型：" + e.getMessage()))
                        : problems;
            } catch (ProcessEngineException e) {
                return List.of(new ModelProblem(file, null, "流程引擎不接受该模型：" + e.getMessage()));
            }
        });
    }
}
