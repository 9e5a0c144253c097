package org.gongzu.modeling;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment refused by the product's model checks (docs/adr/0022), whoever sent it: the REST
 * API answers 400 with the reasons.
 */
public class ModelRefusedException extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    private final transient List<ModelProblem> problems;

    public ModelRefusedException(List<ModelProblem> problems) {
        super("模型未通过部署检查：" + problems.stream()
                .map(p -> p.resource() + (p.elementId() == null ? "" : "「" + p.elementId() + "」") + "：" + p.message())
                .collect(Collectors.joining("；")));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
