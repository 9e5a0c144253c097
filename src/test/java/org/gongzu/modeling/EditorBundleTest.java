package org.gongzu.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The prebuilt editor bundles are exactly what frontend/editors/build made from the pinned npm
 * packages (docs/adr/0023): a hand-edited or half-refreshed vendor folder fails here, without Node.
 */
class EditorBundleTest {

    private static final Path VENDOR = Path.of(
            "src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/gongzu/modeler/vendor");
    private static final Path EDITORS = Path.of("frontend/editors");

    @Test
    void everyVendorFileMatchesItsChecksumAndNoneIsUnlisted() throws IOException, NoSuchAlgorithmException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(VENDOR.resolve("SHA256SUMS"))) {
            String[] parts = line.split(" {2}", 2);
            sums.put(parts[1], parts[0]);
        }
        try (Stream<Path> files = Files.list(VENDOR)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("SHA256SUMS")))
                    .containsExactlyInAnyOrderElementsOf(sums.keySet());
        }
        assertThat(sums).containsKeys("editors.js", "editors.css", "VERSIONS.txt", "LICENSES.txt");
        for (Map.Entry<String, String> sum : sums.entrySet()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(VENDOR.resolve(sum.getKey())));
            assertThat(HexFormat.of().formatHex(digest)).as(sum.getKey()).isEqualTo(sum.getValue());
        }
    }

    @Test
    void theVersionsFileNamesThePackageLockVersionsOfEveryPinnedPackage() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode lock = json.readTree(EDITORS.resolve("package-lock.json").toFile()).get("packages");
        JsonNode pinned = json.readTree(EDITORS.resolve("package.json").toFile()).get("dependencies");
        Map<String, String> bundled = new LinkedHashMap<>();
        for (String line : Files.readAllLines(VENDOR.resolve("VERSIONS.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split(" ");
                bundled.put(parts[0], parts[1]);
            }
        }
        bundled.forEach((name, version) -> assertThat(lock.path("node_modules/" + name).path("version").asText())
                .as(name).isEqualTo(version));
        List<String> direct = iterable(pinned.fieldNames());
        // every pinned package is in the bundle at its exact pinned version (form-js only as its editor)
        direct.forEach(name -> assertThat(bundled.get(name)).as(name).isEqualTo(pinned.get(name).asText()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
