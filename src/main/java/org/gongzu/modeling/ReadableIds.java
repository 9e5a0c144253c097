package org.gongzu.modeling;

import java.util.regex.Pattern;

/**
 * Ids a modeler generated rather than a person wrote (docs/style.md: ids that read): bpmn-js and
 * dmn-js name new elements {@code <Type>_<7 random base-36 characters>} ({@code Activity_0xrmvgg},
 * {@code Flow_1a2b3c4}, {@code Decision_0f3k1x9}), the first element of a new diagram
 * {@code <Type>_<number>} ({@code StartEvent_1}, {@code Definitions_1}), Signavio {@code sid-<uuid>}.
 */
final class ReadableIds {

    private static final Pattern RANDOM_TAIL = Pattern.compile("[A-Za-z]+_[0-9a-z]{7}");
    private static final Pattern NUMBERED = Pattern.compile("[A-Za-z]+_[0-9]+");
    private static final Pattern SIGNAVIO = Pattern.compile("(?i)sid-[0-9a-f-]{8,}");
    private static final Pattern UUID = Pattern.compile("(?i)_?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ReadableIds() {
    }

    static boolean isGenerated(String id) {
        return id != null && (RANDOM_TAIL.matcher(id).matches() || NUMBERED.matcher(id).matches()
                || SIGNAVIO.matcher(id).matches() || UUID.matcher(id).matches());
    }

    static String problem(String described) {
        return described + "的编号是建模工具自动生成的，请改为能读懂的编号（如 Task_RegisterMembers、Gateway_BeijingHukou）";
    }
}
