package org.gongzu.modeling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The checks of one Camunda Form: JSON with an id and type "default", every field with a key and a
 * Chinese label (staff read the forms in Chinese; the key is what the step's listener reads).
 */
final class FormChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** Components that show something and submit nothing: no key needed. */
    private static final Set<String> DISPLAY = Set.of("text", "html", "image", "spacer", "separator", "group",
            "dynamiclist", "iframe", "table", "documentPreview", "button");
    private static final List<String> LABELS = List.of("label", "dateLabel", "timeLabel");

    private FormChecks() {
    }

    /** The form's id, or null when the content is no form. */
    static String formId(byte[] content) {
        try {
            JsonNode id = JSON.readTree(content).get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static List<ModelProblem> check(String file, byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (IOException e) {
            return List.of(new ModelProblem(file, null, "表单文件不是有效的 JSON：" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())));
        }
        if (form == null || !form.isObject()) {
            return List.of(new ModelProblem(file, null, "表单文件不是有效的 Camunda 表单"));
        }
        List<ModelProblem> problems = new ArrayList<>();
        if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
            problems.add(new ModelProblem(file, null, "表单没有编号（id）"));
        }
        if (!"default".equals(form.path("type").asText())) {
            problems.add(new ModelProblem(file, null, "表单的类型（type）须为 default"));
        }
        if (!form.path("components").isArray()) {
            problems.add(new ModelProblem(file, null, "表单没有字段（components）"));
        } else {
            components(file, form.path("components"), problems);
        }
        return problems;
    }

    private static void components(String file, JsonNode components, List<ModelProblem> problems) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            String id = component.path("id").isTextual() ? component.path("id").asText() : null;
            String label = LABELS.stream().map(name -> component.path(name).asText("")).filter(s -> !s.isBlank())
                    .findFirst().orElse(null);
            String described = Described.of("表单字段", label, id != null ? id : component.path("key").asText(null));
            if (!DISPLAY.contains(type)) {
                if (!component.path("key").isTextual() || component.path("key").asText().isBlank()) {
                    problems.add(new ModelProblem(file, id, described + "没有字段名（key）"));
                }
                if (label == null) {
                    problems.add(new ModelProblem(file, id, described + "没有标签：请写上中文标签"));
                }
            }
            if (label != null && !CHINESE.matcher(label).find()) {
                problems.add(new ModelProblem(file, id, described + "的标签不是中文"));
            }
            if (component.path("components").isArray()) {
                components(file, component.path("components"), problems);
            }
        }
    }
}
