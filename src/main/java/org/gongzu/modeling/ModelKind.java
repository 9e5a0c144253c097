package org.gongzu.modeling;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of model a manager edits, as the API names them. */
enum ModelKind {
    BPMN("bpmn", ".bpmn", "流程"), DMN("dmn", ".dmn", "决策"), FORM("form", ".form", "表单");

    final String code;
    final String extension;
    final String chinese;

    ModelKind(String code, String extension, String chinese) {
        this.code = code;
        this.extension = extension;
        this.chinese = chinese;
    }

    static Optional<ModelKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    static Optional<ModelKind> ofFile(String fileName) {
        return Arrays.stream(values()).filter(k -> fileName != null && fileName.endsWith(k.extension)).findFirst();
    }
}
