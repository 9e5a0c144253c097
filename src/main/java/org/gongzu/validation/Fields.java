package org.gongzu.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the values of one submitted form and collects every refused field, so staff see all their
 * mistakes at once. Labels are the Chinese field labels of the form; {@code prefix} names the
 * repeated group (e.g. 「第2位成员的」).
 */
public final class Fields {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Map<String, ?> values;
    private final LocalDate today;
    private final String prefix;
    private final String keyPrefix;
    private final List<FieldError> errors;

    public Fields(Map<String, ?> values, LocalDate today) {
        this(values, today, "", "", new ArrayList<>());
    }

    private Fields(Map<String, ?> values, LocalDate today, String prefix, String keyPrefix, List<FieldError> errors) {
        this.values = values == null ? Map.of() : values;
        this.today = today;
        this.prefix = prefix;
        this.keyPrefix = keyPrefix;
        this.errors = errors;
    }

    /** Fields of one entry of a repeated group; errors are collected with this reader's. */
    public Fields nested(Map<String, ?> entryValues, String labelPrefix, String key) {
        return new Fields(entryValues, today, labelPrefix, key + ".", errors);
    }

    public LocalDate today() {
        return today;
    }

    public String text(String key, String label, int maxLength) {
        String value = optionalText(key, label, maxLength);
        if (value == null) {
            reject(key, label, "为必填项");
        }
        return value;
    }

    public String optionalText(String key, String label, int maxLength) {
        Object raw = values.get(key);
        String value = raw == null ? null : raw.toString().strip();
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            reject(key, label, "不能超过" + maxLength + "个字");
            return null;
        }
        return value;
    }

    /** Free text such as a note: optional, and any identity number typed into it is stored masked. */
    public String note(String key, String label, int maxLength) {
        return IdNumber.maskInText(optionalText(key, label, maxLength));
    }

    /** Free text that must be given; identity numbers in it are masked as in {@link #note}. */
    public String requiredNote(String key, String label, int maxLength) {
        return IdNumber.maskInText(text(key, label, maxLength));
    }

    /** A date that has already happened: today or earlier. */
    public LocalDate pastDate(String key, String label) {
        LocalDate date = requiredDate(key, label);
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            reject(key, label, "不能晚于今天");
            return null;
        }
        return date;
    }

    /** A yes/no answer; a missing answer is refused. */
    public Boolean bool(String key, String label) {
        Object raw = values.get(key);
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw != null && Set.of("true", "false").contains(raw.toString())) {
            return Boolean.valueOf(raw.toString());
        }
        reject(key, label, "请选择");
        return null;
    }

    /** A checkbox that must be ticked to go on, e.g. a confirmation. */
    public void confirmed(String key, String label) {
        Object raw = values.get(key);
        if (!(Boolean.TRUE.equals(raw) || "true".equals(raw))) {
            reject(key, label, "须勾选确认后才能提交");
        }
    }

    public <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
        String raw = optionalText(key, label, 40);
        if (raw == null) {
            reject(key, label, "请选择");
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            reject(key, label, "的取值无效");
            return null;
        }
    }

    /** A GB 11643 identity number, upper-cased; its check digit and birth date are verified. */
    public String idNumber(String key, String label) {
        String raw = IdNumber.normalise(optionalText(key, label, 40));
        if (raw == null) {
            reject(key, label, "为必填项");
            return null;
        }
        var problem = IdNumber.problem(raw, today);
        if (problem.isPresent()) {
            reject(key, label, problem.get());
            return null;
        }
        return raw;
    }

    /** A date that may lie in the future, e.g. a planned date; {@code notBefore} may be null. */
    public LocalDate date(String key, String label, LocalDate notBefore, String notBeforeText) {
        LocalDate date = requiredDate(key, label);
        if (date == null) {
            return null;
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            reject(key, label, "不能早于" + notBeforeText);
            return null;
        }
        return date;
    }

    /** A given date as form-js sends it (年-月-日, possibly with a time after it); null if refused. */
    private LocalDate requiredDate(String key, String label) {
        String raw = optionalText(key, label, 40);
        if (raw == null) {
            reject(key, label, "为必填项");
            return null;
        }
        try {
            return LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
        } catch (DateTimeParseException e) {
            reject(key, label, "不是有效日期（格式：年-月-日）");
            return null;
        }
    }

    /** A whole number between {@code min} and {@code max}; text such as "12" is read too. */
    public Integer integer(String key, String label, int min, int max) {
        Object raw = values.get(key);
        if (raw == null || raw.toString().isBlank()) {
            reject(key, label, "为必填项");
            return null;
        }
        try {
            int value = new java.math.BigDecimal(raw.toString().strip()).intValueExact();
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // refused below
        }
        reject(key, label, "应为" + min + "至" + max + "之间的整数");
        return null;
    }

    /**
     * Several choices of one list (a checklist): a list of names, as a Java list, a JSON array text or
     * names separated by commas.
     * At least one is required; unknown or repeated names are refused.
     */
    public <E extends Enum<E>> List<E> choices(String key, String label, Class<E> type) {
        Object raw = values.get(key);
        List<?> items;
        if (raw instanceof List<?> list) {
            items = list;
        } else if (raw != null && raw.toString().strip().startsWith("[")) {
            try {
                items = JSON.readValue(raw.toString(), List.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                reject(key, label, "格式不正确，应为选项列表");
                return null;
            }
        } else if (raw == null || raw.toString().isBlank()) {
            items = List.of();
        } else {
            // one name, or names separated by commas, as a plain client may send them
            items = java.util.Arrays.stream(raw.toString().split("[,，]")).map(String::strip)
                    .filter(name -> !name.isEmpty()).toList();
        }
        if (items.isEmpty()) {
            reject(key, label, "至少选择一项");
            return null;
        }
        List<E> chosen = new ArrayList<>();
        for (Object item : items) {
            E value;
            try {
                value = item instanceof String name ? Enum.valueOf(type, name) : null;
            } catch (IllegalArgumentException e) {
                value = null;
            }
            if (value == null) {
                reject(key, label, "含无效选项");
                return null;
            }
            if (chosen.contains(value)) {
                reject(key, label, "含重复选项");
                return null;
            }
            chosen.add(value);
        }
        return chosen;
    }

    public void reject(String key, String label, String message) {
        errors.add(new FieldError(keyPrefix + key, prefix + "「" + label + "」" + message));
    }

    /** Throws if any field was refused. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
