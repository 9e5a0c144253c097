package org.gongzu.engine;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The variable names the Camunda Form bound to a task submits (docs/adr/0027): the keys of its
 * fields and the paths of its groups and lists, read from the form the engine resolves for the task
 * (binding deployment, latest or version), once per deployed form version.
 */
final class TaskFormKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Deployed form versions never change: keys by form definition id. */
    private static final Map<String, Map<String, String>> KEYS = new ConcurrentHashMap<>();

    private TaskFormKeys() {
    }

    /** The names the task's form submits, each with its label; empty when the task has no Camunda Form. */
    static Map<String, String> of(TaskEntity task) {
        CommandContext context = Context.getCommandContext();
        FormDefinition form = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getFormDefinition();
        Expression key = form == null ? null : form.getCamundaFormDefinitionKey();
        if (context == null || key == null) {
            return Map.of();
        }
        CamundaFormRefImpl ref = new CamundaFormRefImpl(String.valueOf(key.getValue(task)),
                form.getCamundaFormDefinitionBinding());
        if (form.getCamundaFormDefinitionVersion() != null) {
            Object version = form.getCamundaFormDefinitionVersion().getValue(task);
            ref.setVersion(version == null ? null : Integer.valueOf(version.toString()));
        }
        CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref,
                task.getProcessDefinition().getDeploymentId()).execute(context);
        if (definition == null) {
            return Map.of();
        }
        return KEYS.computeIfAbsent(definition.getId(), id -> {
            ResourceEntity resource = context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
            return resource == null ? Map.of() : keys(resource.getBytes());
        });
    }

    /** The top-level names a form-js schema submits, each with its label (the name when it has none). */
    static Map<String, String> keys(byte[] schema) {
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            collect(JSON.readTree(schema).path("components"), keys);
        } catch (IOException e) {
            return Map.of();
        }
        return Map.copyOf(keys);
    }

    private static void collect(JsonNode components, Map<String, String> keys) {
        for (JsonNode component : components) {
            String path = component.path("path").asText("");
            String key = component.path("key").asText("");
            if (!path.isEmpty()) {
                // a group or list with a path submits one variable of that name, its fields inside it
                keys.putIfAbsent(firstSegment(path), label(component, path));
            } else {
                if (!key.isEmpty()) {
                    keys.putIfAbsent(firstSegment(key), label(component, key));
                }
                collect(component.path("components"), keys);
            }
        }
    }

    private static String label(JsonNode component, String name) {
        for (String field : new String[] {"label", "dateLabel", "timeLabel"}) {
            String label = component.path(field).asText("").strip();
            if (!label.isEmpty()) {
                return label;
            }
        }
        return name;
    }

    private static String firstSegment(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
