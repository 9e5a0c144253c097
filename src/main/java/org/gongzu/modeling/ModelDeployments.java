package org.gongzu.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys what a manager changed (docs/adr/0024): a process with the forms it names, a decision
 * alone, or a form by redeploying every process whose latest version uses it; as the manager, with a
 * reason and the diff recorded by the audit; or only tries the deployment and rolls it back, so that
 * whatever checks the engine runs on deployments answer before anything goes live.
 */
@Service
class ModelDeployments {

    static final String SOURCE = "gongzu-modeler";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file as sent. */
    record File(String fileName, byte[] content) {
    }

    /** One deployment to make: a process with its forms, or a decision; named after the model's key. */
    record Planned(ModelKind kind, String key, Map<String, byte[]> files, ModelDiff.Result diff, String formId) {
    }

    /** What was deployed; {@code deployments} lists each deployment a form change made. */
    record Deployed(String deploymentId, String kind, String key, int version, ModelDiff.Result diff,
            List<Part> deployments) {
    }

    record Part(String deploymentId, String key, int version) {
    }

    /** A deployment tried and rolled back: the refusal's problems and what the engine had made meanwhile. */
    record DryRun(List<ModelProblem> problems, List<String> deploymentIds, List<String> definitionIds) {
    }

    private final RepositoryService repositoryService;
    private final ModelCatalog catalog;
    private final Callers callers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate dryRuns;
    private final DeploymentCache cache;

    ModelDeployments(RepositoryService repositoryService, ProcessEngineConfigurationImpl configuration,
            ModelCatalog catalog, Callers callers, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.catalog = catalog;
        this.callers = callers;
        this.jdbc = jdbc;
        this.cache = configuration.getDeploymentCache();
        this.dryRuns = new TransactionTemplate(transactions);
        this.dryRuns.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The deployments that deploying this content makes; refused with problems when it cannot be read. */
    List<Planned> plan(ModelKind kind, String fileName, byte[] content, List<File> forms) {
        return switch (kind) {
            case BPMN -> List.of(planProcess(fileName, content, forms));
            case DMN -> List.of(planDecision(fileName, content));
            case FORM -> planForm(fileName, content);
        };
    }

    /** The deployment of an earlier version's files again, as a new version. */
    List<Planned> planRollback(ModelCatalog.Ref earlier) {
        byte[] content = catalog.content(earlier);
        if (earlier.kind() == ModelKind.FORM) {
            return planForm(earlier.fileName(), content);
        }
        Optional<ModelCatalog.Ref> latest = catalog.find(earlier.kind(), earlier.key(), null);
        ModelDiff.Result diff = diff(earlier.kind(), latest, content);
        Map<String, byte[]> files = earlier.kind() == ModelKind.BPMN ? catalog.files(earlier.deploymentId())
                : Map.of(earlier.fileName(), content);
        return List.of(new Planned(earlier.kind(), earlier.key(), files, diff, null));
    }

    /** Deploys as the caller, with the reason and each model's diff in the audit, all or nothing. */
    @Transactional
    public Deployed deploy(Caller caller, ModelKind kind, List<Planned> plans, String reason) {
        Map<String, String> diffs = new LinkedHashMap<>();
        plans.forEach(p -> diffs.put(p.key(), json(p.diff())));
        List<Part> parts = new DeployIntent(reason, diffs).during(() -> callers.as(caller,
                () -> plans.stream().map(p -> part(p, deployOne(p))).toList()));
        Planned first = plans.get(0);
        if (kind == ModelKind.FORM) {
            ModelCatalog.Ref form = catalog.find(ModelKind.FORM, first.formId(), null).orElseThrow();
            return new Deployed(parts.get(0).deploymentId(), kind.code, form.key(), form.version(), first.diff(), parts);
        }
        return new Deployed(parts.get(0).deploymentId(), kind.code, first.key(), parts.get(0).version(), first.diff(), parts);
    }

    /** Tries the deployments and rolls them back: the problems any check of the engine found, none if it would deploy. */
    DryRun dryRun(Caller caller, List<Planned> plans) {
        List<String> deploymentIds = new ArrayList<>();
        List<String> definitionIds = new ArrayList<>();
        List<String> formIds = new ArrayList<>();
        List<String> decisionIds = new ArrayList<>();
        List<String> requirementIds = new ArrayList<>();
        List<ModelProblem> problems;
        try {
            problems = dryRuns.execute(status -> {
                status.setRollbackOnly();
                try {
                    new DeployIntent("试部署（已撤销）", Map.of()).during(() -> callers.as(caller, () -> {
                        for (Planned plan : plans) {
                            DeploymentWithDefinitions d = deployOne(plan);
                            deploymentIds.add(d.getId());
                            nonNull(d.getDeployedProcessDefinitions()).forEach(p -> definitionIds.add(p.getId()));
                            nonNull(d.getDeployedDecisionDefinitions()).forEach(p -> decisionIds.add(p.getId()));
                            nonNull(d.getDeployedDecisionRequirementsDefinitions()).forEach(p -> requirementIds.add(p.getId()));
                            formIds.addAll(jdbc.queryForList("select ID_ from ACT_RE_CAMFORMDEF where DEPLOYMENT_ID_ = ?",
                                    String.class, d.getId()));
                        }
                        return null;
                    }));
                    return List.of();
                } catch (ModelRefusedException refused) {
                    return refused.problems();
                }
            });
        } finally {
            // the engine put what it parsed into its cache; the rollback does not take it out
            definitionIds.forEach(cache::removeProcessDefinition);
            decisionIds.forEach(cache::removeDecisionDefinition);
            requirementIds.forEach(cache::removeDecisionRequirementsDefinition);
            formIds.forEach(cache::removeCamundaFormDefinition);
        }
        List<String> all = new ArrayList<>(definitionIds);
        all.addAll(decisionIds);
        all.addAll(requirementIds);
        all.addAll(formIds);
        return new DryRun(problems, deploymentIds, all);
    }

    private DeploymentWithDefinitions deployOne(Planned plan) {
        DeploymentBuilder builder = repositoryService.createDeployment().name(plan.key()).source(SOURCE)
                .enableDuplicateFiltering(false);
        plan.files().forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        try {
            return builder.deployWithResult();
        } catch (ParseException e) {
            throw new ModelRefusedException(problems(e));
        }
    }

    private static Part part(Planned plan, DeploymentWithDefinitions deployment) {
        int version = plan.kind() == ModelKind.DMN
                ? nonNull(deployment.getDeployedDecisionDefinitions()).stream().filter(d -> d.getKey().equals(plan.key()))
                        .findFirst().orElseThrow().getVersion()
                : nonNull(deployment.getDeployedProcessDefinitions()).stream().filter(d -> d.getKey().equals(plan.key()))
                        .findFirst().orElseThrow().getVersion();
        return new Part(deployment.getId(), plan.key(), version);
    }

    private Planned planProcess(String fileName, byte[] content, List<File> requestForms) {
        String file = fileName == null ? "process.bpmn" : fileName;
        BpmnModelInstance model = read(file, () -> Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
        String key = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
                .map(Process::getId).findFirst()
                .orElseThrow(() -> refused(file, null, "模型中没有可执行的流程（isExecutable）"));
        Optional<ModelCatalog.Ref> latest = catalog.find(ModelKind.BPMN, key, null);
        String name = latest.map(ModelCatalog.Ref::fileName).orElse(key + ".bpmn");
        Map<String, File> forms = new LinkedHashMap<>();
        latest.ifPresent(ref -> catalog.files(ref.deploymentId()).forEach((n, c) -> {
            if (n.endsWith(".form")) {
                formId(n, c).ifPresent(id -> forms.put(id, new File(n, c)));
            }
        }));
        for (File form : requestForms) {
            String id = formId(form.fileName(), form.content())
                    .orElseThrow(() -> refused(form.fileName(), null, "表单没有编号（id）"));
            forms.put(id, form);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, content);
        List<ModelProblem> missing = new ArrayList<>();
        for (String id : ModelCatalog.formIds(model)) {
            File form = forms.get(id);
            if (form == null) {
                form = catalog.find(ModelKind.FORM, id, null).map(ref -> new File(ref.fileName(), catalog.content(ref)))
                        .orElse(null);
            }
            if (form == null) {
                missing.add(new ModelProblem(name, null, "表单「" + id + "」不存在：请随流程一并提供"));
            } else {
                files.put(form.fileName(), form.content());
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelRefusedException(missing);
        }
        return new Planned(ModelKind.BPMN, key, files, diff(ModelKind.BPMN, latest, content), null);
    }

    private Planned planDecision(String fileName, byte[] content) {
        String file = fileName == null ? "decision.dmn" : fileName;
        String key = read(file, () -> Dmn.readModelFromStream(new ByteArrayInputStream(content)))
                .getModelElementsByType(Decision.class).stream().map(Decision::getId).findFirst()
                .orElseThrow(() -> refused(file, null, "模型中没有决策"));
        Optional<ModelCatalog.Ref> latest = catalog.find(ModelKind.DMN, key, null);
        String name = latest.map(ModelCatalog.Ref::fileName).orElse(key + ".dmn");
        return new Planned(ModelKind.DMN, key, Map.of(name, content), diff(ModelKind.DMN, latest, content), null);
    }

    private List<Planned> planForm(String fileName, byte[] content) {
        String file = fileName == null ? "form.form" : fileName;
        String id = formId(file, content).orElseThrow(() -> refused(file, null, "表单没有编号（id）"));
        Optional<ModelCatalog.Ref> latest = catalog.find(ModelKind.FORM, id, null);
        ModelDiff.Result diff = diff(ModelKind.FORM, latest, content);
        List<Planned> plans = new ArrayList<>();
        for (var process : catalog.latestProcessesUsing(id)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            String replaced = null;
            for (Map.Entry<String, byte[]> f : catalog.files(process.getDeploymentId()).entrySet()) {
                if (replaced == null && f.getKey().endsWith(".form") && formId(f.getKey(), f.getValue()).filter(id::equals).isPresent()) {
                    replaced = f.getKey();
                    files.put(f.getKey(), content);
                } else {
                    files.put(f.getKey(), f.getValue());
                }
            }
            if (replaced == null) {
                files.put(latest.map(ModelCatalog.Ref::fileName).orElse(id + ".form"), content);
            }
            plans.add(new Planned(ModelKind.BPMN, process.getKey(), files, diff, id));
        }
        if (plans.isEmpty()) {
            throw refused(file, null, "没有流程使用表单「" + id + "」：表单随使用它的流程部署");
        }
        return plans;
    }

    private ModelDiff.Result diff(ModelKind kind, Optional<ModelCatalog.Ref> latest, byte[] content) {
        try {
            return ModelDiff.of(kind, latest.map(catalog::content).orElse(null), latest.map(ModelCatalog.Ref::version)
                    .orElse(null), content);
        } catch (ModelException | IllegalArgumentException e) {
            throw refused(kind.code, null, "无法与已部署版本比较：文件无法读取");
        }
    }

    static List<ModelProblem> problems(ParseException e) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            report.getErrors().forEach(p -> problems.add(new ModelProblem(report.getResourceName(), p.getMainElementId(),
                    "引擎无法解析该模型：" + p.getMessage())));
        }
        if (problems.isEmpty()) {
            problems.add(new ModelProblem(null, null, "引擎无法解析该模型：" + e.getMessage()));
        }
        return problems;
    }

    static Optional<String> formId(String fileName, byte[] content) {
        try {
            JsonNode id = JSON.readTree(content).get("id");
            return id != null && id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            throw refused(fileName, null, "表单不是有效的 JSON");
        }
    }

    private static <T> T read(String fileName, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (ModelException e) {
            throw refused(fileName, null, "文件无法读取，不是有效的模型 XML：" + firstLine(e.getMessage()));
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModelRefusedException refused(String resource, String elementId, String message) {
        return new ModelRefusedException(List.of(new ModelProblem(resource, elementId, message)));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
