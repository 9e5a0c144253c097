package org.gongzu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/policy.md traces every clause of the policy to the models and code that implement it; these
 * checks keep it from falling behind the models (a new process must say which clause it serves).
 */
class PolicyDocumentTest {

    /** 京建法〔2013〕19号 has thirteen numbered clauses (一 to 十三). */
    private static final int CLAUSES = 13;
    private static final List<String> CHINESE_NUMBERS =
            List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三");

    private static final Path BASE = RepositoryStandsAloneTest.BASE;
    private static final Pattern CLAUSE_HEADING = Pattern.compile("(?m)^## Clause (\\d+) — 第(\\S+?)条 (\\S.*)$");
    private static final Pattern MODEL_FILE = Pattern.compile("\\b(?:processes|forms)/[\\w.-]+\\.(?:bpmn|dmn|form)\\b");
    private static final Pattern ELEMENT_ID =
            Pattern.compile("\\b(?:StartEvent|EndEvent|Task|Gateway|SequenceFlow|Rule|Error)_\\w+");
    private static final Pattern MAIN_CLASS = Pattern.compile("\\borg\\.gongzu(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");
    private static final Pattern TEST_REFERENCE = Pattern.compile("\\b([A-Z]\\w*Test)\\b(?:\\.(\\w+))?");

    private static String policy;
    private static String clauses;

    @BeforeAll
    static void read() throws IOException {
        policy = Files.readString(BASE.resolve("docs/policy.md"));
        Matcher first = CLAUSE_HEADING.matcher(policy);
        clauses = first.find() ? policy.substring(first.start()) : "";
    }

    @Test
    void everyClauseHasItsSectionInOrderWithWhatItAsksAndWhatImplementsIt() {
        Matcher heading = CLAUSE_HEADING.matcher(policy);
        List<Integer> numbers = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (heading.find()) {
            int number = Integer.parseInt(heading.group(1));
            numbers.add(number);
            starts.add(heading.start());
            if (number >= 1 && number <= CLAUSES) {
                assertThat(heading.group(2)).as("Chinese number of clause " + number)
                        .isEqualTo(CHINESE_NUMBERS.get(number - 1));
            }
            assertThat(heading.group(3)).as("Chinese title of clause " + number).containsPattern("\\p{IsHan}");
        }
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, CLAUSES).boxed().toList());
        starts.add(policy.length());
        for (int i = 0; i < CLAUSES; i++) {
            String section = policy.substring(starts.get(i), starts.get(i + 1));
            assertThat(section).as("clause " + (i + 1)).contains("**What it asks.**", "**Today.**");
        }
    }

    @Test
    void everyFileInProcessesIsTracedToAClause() throws IOException {
        List<String> models;
        try (Stream<Path> files = Files.list(BASE.resolve("processes"))) {
            models = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(models).isNotEmpty();
        assertThat(models.stream().filter(model -> !clauses.contains(model)).toList())
                .as("models in processes/ that no clause of docs/policy.md names").isEmpty();
    }

    @Test
    void everyModelFileElementClassAndTestThePolicyNamesExists() throws IOException {
        String modelIds;
        try (Stream<Path> files = Files.list(BASE.resolve("processes"))) {
            modelIds = files.map(PolicyDocumentTest::read).collect(Collectors.joining("\n"));
        }
        List<String> missing = new ArrayList<>();
        found(MODEL_FILE, policy).stream().filter(f -> !Files.isRegularFile(BASE.resolve(f))).forEach(missing::add);
        found(ELEMENT_ID, policy).stream().filter(id -> !modelIds.contains("id=\"" + id + "\"")).forEach(missing::add);
        found(MAIN_CLASS, policy).stream()
                .filter(c -> !Files.isRegularFile(BASE.resolve("src/main/java/" + c.replace('.', '/') + ".java")))
                .forEach(missing::add);
        Matcher test = TEST_REFERENCE.matcher(policy);
        while (test.find()) {
            Path source = testSource(test.group(1));
            if (source == null || (test.group(2) != null && !read(source).contains(" " + test.group(2) + "("))) {
                missing.add(test.group());
            }
        }
        assertThat(missing).as("named in docs/policy.md but not in the repository").isEmpty();
    }

    private static List<String> found(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(r -> r.group()).distinct().toList();
    }

    private static Path testSource(String className) {
        try (Stream<Path> files = Files.walk(BASE.resolve("src/test/java"))) {
            return files.filter(p -> p.getFileName().toString().equals(className + ".java")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
