package org.gongzu.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gongzu.validation.FieldError;
import org.gongzu.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The "try this decision" panel: evaluates a decision, unsaved or deployed, with sample inputs by
 * the engine's DMN engine directly, so nothing is deployed and no decision history is written.
 */
@Component
class DecisionTrial {

    private final ProcessEngineConfigurationImpl configuration;

    DecisionTrial(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** The decision's results, one map of output name to value per matched rule (or collected result). */
    List<Map<String, Object>> evaluate(String key, byte[] dmn, Map<String, Object> variables) {
        DmnEngine engine = configuration.getDmnEngine();
        // parsing reads engine settings (historyTimeToLive) from a command context
        Object outcome = configuration.getCommandExecutorTxRequired().execute(context -> {
            DmnDecision decision;
            try {
                decision = engine.parseDecision(key, new ByteArrayInputStream(dmn));
            } catch (RuntimeException e) {
                return new FieldError("content", "决策表无法解析，或其中没有编号为「" + key + "」的决策");
            }
            try {
                List<Map<String, Object>> results = new ArrayList<>();
                engine.evaluateDecision(decision, variables).getResultList()
                        .forEach(r -> results.add(new LinkedHashMap<>(r)));
                return results;
            } catch (RuntimeException e) {
                return new FieldError("variables", "决策无法按这些输入求值：请检查每个输入是否已填写、类型是否正确");
            }
        });
        if (outcome instanceof FieldError refused) {
            throw new InvalidInputException(List.of(refused));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) outcome;
        return results;
    }
}
