package org.gongzu.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gongzu.identity.Roles;
import org.gongzu.validation.InvalidInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a listener needs to hand a form's values to a domain service: read the submitted fields,
 * turn a refusal into a form validation error, drop the fields once saved, and tell who acts.
 */
public final class StepInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StepInput() {
    }

    /** The submitted values of these fields (absent fields are left out). */
    public static Map<String, Object> values(VariableScope scope, Collection<String> fields) {
        Map<String, Object> values = new HashMap<>();
        for (String field : fields) {
            Object value = scope.getVariable(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }

    /**
     * A list of entries sent by a REST client (Json, a JSON string or a Java list); null if absent,
     * refused if not a list of objects.
     */
    public static List<Map<String, ?>> entries(VariableScope scope, String field, String label) {
        Object value = scope.getVariable(field);
        return value == null ? null
                : parse(value, new TypeReference<List<Map<String, ?>>>() { }, field, "「" + label + "」格式不正确，应为成员列表");
    }

    /**
     * Numbered groups of a form ({@code member1}, {@code member2}, …), as many as the count field
     * says; each group is a JSON object (a Json variable from Tasklist, or a JSON string or map).
     */
    public static List<Map<String, ?>> numberedEntries(VariableScope scope, String countField, String countLabel,
            List<String> groupFields, String groupLabelFormat) {
        Object rawCount = scope.getVariable(countField);
        int count;
        try {
            count = rawCount == null ? 0 : new java.math.BigDecimal(rawCount.toString()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            count = 0;
        }
        if (count < 1 || count > groupFields.size()) {
            throw new InputRefusedException(countField,
                    "「" + countLabel + "」应为1至" + groupFields.size() + "之间的整数");
        }
        List<Map<String, ?>> entries = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String field = groupFields.get(i);
            Object value = scope.getVariable(field);
            String label = String.format(groupLabelFormat, i + 1);
            if (value == null) {
                throw new InputRefusedException(field, "「" + label + "」未填写");
            }
            entries.add(parse(value, new TypeReference<Map<String, ?>>() { }, field, "「" + label + "」格式不正确"));
        }
        return entries;
    }

    /** A JSON value as submitted (a Spin Json value, a JSON string, or Java lists and maps) read as {@code type}. */
    private static <T> T parse(Object value, TypeReference<T> type, String field, String refusal) {
        try {
            return value instanceof Map<?, ?> || value instanceof List<?>
                    ? JSON.convertValue(value, type)
                    : JSON.readValue(value.toString(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InputRefusedException(field, refusal);
        }
    }

    /** Runs a domain step; a refusal becomes a form validation error that names the field. */
    public static <T> T refusingInvalid(Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            throw new InputRefusedException(e.errors());
        }
    }

    public static void refusingInvalid(Runnable step) {
        refusingInvalid(() -> {
            step.run();
            return null;
        });
    }

    /** Removes the submitted fields once their values live in the project's tables. */
    public static void discard(VariableScope scope, Collection<String> fields) {
        fields.forEach(scope::removeVariable);
    }

    /** The user the engine acts for, or null when the engine itself acts (a job, a test). */
    public static String currentUserId() {
        Authentication authentication = currentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** The groups of the acting user, or null when the engine itself acts. */
    public static List<String> currentGroupIds() {
        Authentication authentication = currentAuthentication();
        return authentication == null ? null : authentication.getGroupIds();
    }

    /** True when the engine acts for a member of the administrators' group. */
    public static boolean actingAsAdministrator() {
        List<String> groups = currentGroupIds();
        return groups != null && groups.contains(Roles.ADMIN);
    }

    private static Authentication currentAuthentication() {
        return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    }
}
