package org.gongzu.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese locale of the webapps covers every key of the English one shipped in the Camunda
 * webjar on the classpath, and config.js offers it: after a Camunda upgrade this fails until the
 * new keys are translated (docs/adr/0005).
 */
class WebappLocaleTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseTranslatesEveryEnglishKey(String app) throws IOException {
        TreeSet<String> english = keys(read(APP + app + "/locales/en.json"));
        TreeSet<String> chinese = keys(read(APP + app + "/locales/zh.json"));
        assertThat(chinese).isEqualTo(english);
        assertThat(english).hasSizeGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersChineseFirst(String app) throws IOException {
        List<URL> configs = Collections.list(getClass().getClassLoader().getResources(APP + app + "/scripts/config.js"));
        assertThat(configs).isNotEmpty();
        // the first one on the classpath is the one served: ours
        try (InputStream in = configs.get(0).openStream()) {
            String config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(config).containsPattern("availableLocales:\\s*\\[\\s*'zh'");
        }
    }

    private JsonNode read(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            return JSON.readTree(text);
        }
    }

    private static TreeSet<String> keys(JsonNode node) {
        TreeSet<String> keys = new TreeSet<>();
        collect("", node, keys);
        return keys;
    }

    private static void collect(String prefix, JsonNode node, TreeSet<String> keys) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(prefix + "/" + field.getKey(), field.getValue(), keys);
            }
        } else {
            keys.add(prefix);
        }
    }
}
