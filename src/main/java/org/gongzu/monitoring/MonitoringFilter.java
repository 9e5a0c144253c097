package org.gongzu.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzu.identity.Department;
import org.gongzu.validation.FieldError;
import org.gongzu.validation.InvalidInputException;

/**
 * What a monitoring request asks for, checked: the window (the last {@code days} days up to now, 1
 * to 366, default 30), and optionally a process version, a district (6 digits), a sub-district (9
 * digits) and a department code. The same filters serve every view and the JSON and CSV answers.
 */
public record MonitoringFilter(int days, Instant from, Instant to, Integer version, String district,
        String subDistrict, String department) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    static MonitoringFilter of(Map<String, String> params, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        int days = number(params, "days", "时间范围（天）", 1, MAX_DAYS, DEFAULT_DAYS, errors);
        Integer version = params.containsKey("version") && !params.get("version").isBlank()
                ? number(params, "version", "流程版本", 1, 100_000, 1, errors) : null;
        String district = code(params, "district", "区", "\\d{6}", errors);
        String subDistrict = code(params, "subDistrict", "街道", "\\d{9}", errors);
        String department = code(params, "department", "部门", "[a-z]+", errors);
        if (department != null && Department.ofCode(department).isEmpty()) {
            errors.add(new FieldError("department", "「部门」不存在：" + department));
        }
        if (district != null && subDistrict != null && !subDistrict.startsWith(district)) {
            errors.add(new FieldError("subDistrict", "「街道」不在所选的区内"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new MonitoringFilter(days, now.minusSeconds(days * 86_400L), now, version, district, subDistrict,
                department);
    }

    /** The same filter for one district only (a district supervisor's). */
    MonitoringFilter inDistrict(String districtCode) {
        return new MonitoringFilter(days, from, to, version, districtCode, subDistrict, department);
    }

    /** The first day of the window, in Beijing. */
    LocalDate firstDay(ZoneId zone) {
        return from.atZone(zone).toLocalDate();
    }

    private static int number(Map<String, String> params, String key, String label, int min, int max, int dflt,
            List<FieldError> errors) {
        String raw = params.get(key);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(new FieldError(key, "「" + label + "」应为" + min + "至" + max + "之间的整数"));
        return dflt;
    }

    private static String code(Map<String, String> params, String key, String label, String pattern,
            List<FieldError> errors) {
        String raw = params.get(key);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches(pattern)) {
            errors.add(new FieldError(key, "「" + label + "」的取值无效"));
            return null;
        }
        return raw.strip();
    }
}
