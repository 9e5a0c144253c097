package org.gongzu.modeling;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gongzu.validation.FieldError;
import org.gongzu.validation.InvalidInputException;
import org.gongzu.web.errors.ErrorTranslator;
import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The model API for process managers (docs/adr/0024): read any deployed version, compare, check,
 * deploy with a reason, roll back, try a decision, and move running cases to the latest version;
 * supervisors read the deployment audit. {@code /api/models/…} with HTTP Basic and
 * {@code /camunda/api/gongzu/models/…} with the webapps' session (the editor in Cockpit).
 */
@RestController
class ModelController {

    private static final String BASIC = "/api/models";
    private static final String SESSION = "${camunda.bpm.webapp.application-path:/camunda}/api/gongzu/models";
    private static final String KEY = "[A-Za-z_][A-Za-z0-9_.\\-]{0,254}";
    private static final int MAX_REASON = 2000;
    private static final int MAX_FORMS = 50;
    private static final int MAX_AUDIT_ROWS = 500;

    private final ModelCatalog catalog;
    private final ModelDeployments deployments;
    private final ModelAudit audit;
    private final CaseMigrations migrations;
    private final DecisionTrial trial;
    private final Callers callers;

    ModelController(ModelCatalog catalog, ModelDeployments deployments, ModelAudit audit, CaseMigrations migrations,
            DecisionTrial trial, Callers callers) {
        this.catalog = catalog;
        this.deployments = deployments;
        this.audit = audit;
        this.migrations = migrations;
        this.trial = trial;
        this.callers = callers;
    }

    @GetMapping({BASIC, SESSION})
    List<ModelCatalog.Summary> models(HttpServletRequest request) {
        manager(request);
        return callers.asSystem(catalog::list);
    }

    @GetMapping({BASIC + "/{kind}/{key}", SESSION + "/{kind}/{key}"})
    Map<String, Object> model(@PathVariable String kind, @PathVariable String key,
            @RequestParam(required = false) Integer version, HttpServletRequest request) {
        manager(request);
        ModelCatalog.Ref ref = ref(kind, key, version);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", ref.kind().code);
        model.put("key", ref.key());
        model.put("name", ref.name());
        model.put("version", ref.version());
        model.put("deploymentId", ref.deploymentId());
        model.put("fileName", ref.fileName());
        model.put("content", new String(callers.asSystem(() -> catalog.content(ref)), StandardCharsets.UTF_8));
        return model;
    }

    @GetMapping({BASIC + "/{kind}/{key}/file", SESSION + "/{kind}/{key}/file"})
    ResponseEntity<byte[]> file(@PathVariable String kind, @PathVariable String key,
            @RequestParam(required = false) Integer version, HttpServletRequest request) {
        manager(request);
        ModelCatalog.Ref ref = ref(kind, key, version);
        MediaType type = ref.kind() == ModelKind.FORM ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
        String name = ref.fileName().substring(0, ref.fileName().length() - ref.kind().extension.length())
                + "-v" + ref.version() + ref.kind().extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(callers.asSystem(() -> catalog.content(ref)));
    }

    @PostMapping({BASIC + "/check", SESSION + "/check"})
    Map<String, Object> check(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Caller caller = manager(request);
        ModelKind kind = kind(body);
        String fileName = fileName(body, kind);
        byte[] content = content(body);
        List<ModelDeployments.File> forms = forms(body);
        List<ModelProblem> problems;
        try {
            List<ModelDeployments.Planned> plans = callers.asSystem(() -> deployments.plan(kind, fileName, content, forms));
            problems = deployments.dryRun(caller, plans).problems();
        } catch (ModelRefusedException refused) {
            problems = refused.problems();
        }
        return Map.of("problems", problems);
    }

    @PostMapping({BASIC + "/diff", SESSION + "/diff"})
    ModelDiff.Result diff(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        manager(request);
        ModelKind kind = kind(body);
        String key = text(body, "key", "模型编号", false);
        Integer version = integer(body, "version", "版本");
        byte[] content = content(body);
        ModelCatalog.Ref against = key == null ? null
                : version == null ? callers.asSystem(() -> catalog.find(kind, key, null)).orElse(null) : ref(kind.code, key, version);
        try {
            return ModelDiff.of(kind, against == null ? null : callers.asSystem(() -> catalog.content(against)),
                    against == null ? null : against.version(), content);
        } catch (RuntimeException e) {
            throw new InvalidInputException("content", "「模型内容」无法读取：不是有效的" + kind.chinese + "文件");
        }
    }

    @PostMapping({BASIC + "/deploy", SESSION + "/deploy"})
    ResponseEntity<ModelDeployments.Deployed> deploy(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Caller caller = manager(request);
        List<FieldError> errors = new ArrayList<>();
        String reason = reason(body, errors);
        ModelKind kind = kind(body);
        byte[] content = content(body);
        List<ModelDeployments.File> forms = forms(body);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<ModelDeployments.Planned> plans = callers.asSystem(() -> deployments.plan(kind, null, content, forms));
        return ResponseEntity.status(HttpStatus.CREATED).body(deployments.deploy(caller, kind, plans, reason));
    }

    @GetMapping({BASIC + "/audit", SESSION + "/audit"})
    List<ModelAudit.Entry> audit(@RequestParam(required = false) String key, HttpServletRequest request) {
        ModelAccess.mayReadAudit(callers.of(request).groups());
        return audit.list(key == null || key.isBlank() ? null : key.strip(), MAX_AUDIT_ROWS);
    }

    @PostMapping({BASIC + "/{kind}/{key}/rollback", SESSION + "/{kind}/{key}/rollback"})
    ResponseEntity<ModelDeployments.Deployed> rollback(@PathVariable String kind, @PathVariable String key,
            @RequestBody Map<String, Object> body, HttpServletRequest request) {
        Caller caller = manager(request);
        List<FieldError> errors = new ArrayList<>();
        String reason = reason(body, errors);
        Integer version = integer(body, "version", "版本");
        if (version == null) {
            errors.add(new FieldError("version", "「版本」不能为空"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ModelCatalog.Ref earlier = ref(kind, key, version);
        List<ModelDeployments.Planned> plans = callers.asSystem(() -> deployments.planRollback(earlier));
        return ResponseEntity.status(HttpStatus.CREATED).body(deployments.deploy(caller, earlier.kind(), plans, reason));
    }

    @GetMapping({BASIC + "/bpmn/{key}/migration", SESSION + "/bpmn/{key}/migration"})
    CaseMigrations.Overview migration(@PathVariable String key, HttpServletRequest request) {
        manager(request);
        return callers.asSystem(() -> migrations.overview(checkedKey(key)));
    }

    @PostMapping({BASIC + "/bpmn/{key}/migration/preview", SESSION + "/bpmn/{key}/migration/preview"})
    CaseMigrations.Preview preview(@PathVariable String key, @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        manager(request);
        int version = sourceVersion(body);
        return callers.asSystem(() -> migrations.preview(checkedKey(key), version));
    }

    /** Runs as the system once the manager's right is decided: moving cases needs batch rights managers do not hold. */
    @PostMapping({BASIC + "/bpmn/{key}/migration", SESSION + "/bpmn/{key}/migration"})
    ResponseEntity<CaseMigrations.Started> migrate(@PathVariable String key, @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        manager(request);
        int version = sourceVersion(body);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(callers.asSystem(() -> migrations.start(checkedKey(key), version)));
    }

    @GetMapping({BASIC + "/migrations/{batchId}", SESSION + "/migrations/{batchId}"})
    CaseMigrations.Status migrationStatus(@PathVariable String batchId, HttpServletRequest request) {
        manager(request);
        return callers.asSystem(() -> migrations.status(batchId));
    }

    @PostMapping({BASIC + "/dmn/{key}/evaluate", SESSION + "/dmn/{key}/evaluate"})
    Map<String, Object> evaluate(@PathVariable String key, @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        manager(request);
        String decisionKey = checkedKey(key);
        Map<String, Object> variables = variables(body);
        String unsaved = text(body, "content", "模型内容", false);
        byte[] dmn = unsaved != null ? unsaved.getBytes(StandardCharsets.UTF_8)
                : callers.asSystem(() -> catalog.content(ref(ModelKind.DMN.code, decisionKey, null)));
        return Map.of("results", trial.evaluate(decisionKey, dmn, variables));
    }

    /** A refused model: 400 with every problem, for the editor to show next to its element. */
    @ExceptionHandler(ModelRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(ModelRefusedException refused, HttpServletRequest request) {
        ErrorTranslator.translate(refused, request.getMethod() + " " + request.getRequestURI());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "模型未通过部署检查，未部署");
        body.put("problems", refused.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private Caller manager(HttpServletRequest request) {
        Caller caller = callers.of(request);
        ModelAccess.mayManage(caller.groups());
        return caller;
    }

    private ModelCatalog.Ref ref(String kind, String key, Integer version) {
        ModelKind k = ModelKind.of(kind).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "没有这种模型：只有流程（bpmn）、决策（dmn）和表单（form）"));
        String checked = checkedKey(key);
        return callers.asSystem(() -> catalog.find(k, checked, version)).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, version == null ? "没有这个" + k.chinese + "：" + checked
                        : k.chinese + "「" + checked + "」没有第" + version + "版"));
    }

    private static String checkedKey(String key) {
        if (key == null || !key.matches(KEY)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个模型");
        }
        return key;
    }

    private static ModelKind kind(Map<String, Object> body) {
        String kind = text(body, "kind", "模型类型", true);
        return ModelKind.of(kind).orElseThrow(() -> new InvalidInputException("kind",
                "「模型类型」只能是 bpmn（流程）、dmn（决策）或 form（表单）"));
    }

    private static byte[] content(Map<String, Object> body) {
        return text(body, "content", "模型内容", true).getBytes(StandardCharsets.UTF_8);
    }

    private static String fileName(Map<String, Object> body, ModelKind kind) {
        String name = text(body, "fileName", "文件名", false);
        if (name != null && !(name.matches("[A-Za-z0-9_.\\-]{1,200}") && name.endsWith(kind.extension))) {
            throw new InvalidInputException("fileName", "「文件名」只能由字母、数字、点、下划线和连字符组成，并以 "
                    + kind.extension + " 结尾");
        }
        return name;
    }

    private static String reason(Map<String, Object> body, List<FieldError> errors) {
        Object raw = body == null ? null : body.get("reason");
        String reason = raw instanceof String s ? s.strip() : null;
        if (reason == null || reason.isEmpty()) {
            errors.add(new FieldError("reason", "「部署原因」不能为空"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "「部署原因」不能超过" + MAX_REASON + "个字符"));
        }
        return reason;
    }

    private static List<ModelDeployments.File> forms(Map<String, Object> body) {
        Object raw = body.get("forms");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list) || list.size() > MAX_FORMS) {
            throw new InvalidInputException("forms", "「表单」应为至多" + MAX_FORMS + "个 {fileName, content} 的列表");
        }
        List<ModelDeployments.File> forms = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> form) || !(form.get("fileName") instanceof String name)
                    || !name.matches("[A-Za-z0-9_.\\-]{1,200}") || !name.endsWith(".form")
                    || !(form.get("content") instanceof String content) || content.isBlank()) {
                throw new InvalidInputException("forms", "「表单」的每一项须有以 .form 结尾的文件名（fileName）和内容（content）");
            }
            forms.add(new ModelDeployments.File(name, content.getBytes(StandardCharsets.UTF_8)));
        }
        return forms;
    }

    private static int sourceVersion(Map<String, Object> body) {
        Integer version = integer(body, "sourceVersion", "原版本");
        if (version == null) {
            throw new InvalidInputException("sourceVersion", "「原版本」不能为空");
        }
        return version;
    }

    private static Map<String, Object> variables(Map<String, Object> body) {
        Object raw = body.get("variables");
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidInputException("variables", "「输入」应为名称到取值的对应");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        map.forEach((name, value) -> {
            String field = "variables." + name;
            if (!String.valueOf(name).matches("[A-Za-z_][A-Za-z0-9_]{0,99}")) {
                errors.add(new FieldError("variables", "「输入」的名称只能由字母、数字和下划线组成：" + name));
            } else if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                errors.add(new FieldError(field, "「" + name + "」只能是文字、数字或是否"));
            } else {
                variables.put(String.valueOf(name), value);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return variables;
    }

    private static String text(Map<String, Object> body, String field, String label, boolean required) {
        Object raw = body == null ? null : body.get(field);
        if (raw != null && !(raw instanceof String)) {
            throw new InvalidInputException(field, "「" + label + "」应为文字");
        }
        String value = (String) raw;
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "「" + label + "」不能为空");
            }
            return null;
        }
        return value;
    }

    private static Integer integer(Map<String, Object> body, String field, String label) {
        Object raw = body == null ? null : body.get(field);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        try {
            int value = raw instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue()
                    : Integer.parseInt(raw.toString().strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(field, "「" + label + "」应为正整数");
    }
}
