package org.gongzu.modeling;

/** How a problem names an element to the manager: its Chinese name where it has one, and its id. */
final class Described {

    private Described() {
    }

    /** E.g. 用户任务「登记家庭成员信息」（Task_RegisterMembers）, or 元素（Flow_1）. */
    static String of(String kind, String name, String id) {
        String named = name == null || name.isBlank() ? "" : "「" + name.trim() + "」";
        return kind + named + (id == null ? "" : "（" + id + "）");
    }
}
