package org.gongzu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A clone of the repository is all a reader and the build have: no text file in it may point at a
 * path outside it (a sibling checkout, the machine it was written on).
 */
class RepositoryStandsAloneTest {

    static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();

    /** Build output, local data and tool folders, not part of the repository's own text. */
    private static final Set<String> SKIPPED_ANYWHERE = Set.of(".git", "target", "node_modules", ".idea", ".vscode");
    /** The zero-setup run's H2 database. */
    private static final Set<String> SKIPPED_AT_ROOT = Set.of("data");

    // the literals are split so that this file does not report itself
    private static final String SHARED = ".." + "/shared";
    private static final Pattern WORK = Pattern.compile("(?<![\\w.\\-/])/wor" + "k(/|\\b)");
    /** A path token that contains a step up; resolved from the file's own folder. */
    private static final Pattern PARENT_PATH =
            Pattern.compile("[^\\s'\"`()<>\\[\\]{},;*=:|]*\\.\\./[^\\s'\"`()<>\\[\\]{},;*|]*");

    @Test
    void noTextFileRefersToAPathOutsideTheRepository() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path file : textFiles()) {
            Optional<String> text = readText(file);
            if (text.isEmpty()) {
                continue;
            }
            String[] lines = text.get().split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String problem : problems(file, lines[i])) {
                    findings.add(BASE.relativize(file) + ":" + (i + 1) + ": " + problem);
                }
            }
        }
        assertThat(findings).as("references to paths outside the repository").isEmpty();
    }

    @Test
    void theCheckReportsSiblingCheckoutsMachinePathsAndStepsAboveTheRoot() {
        assertThat(problems(BASE.resolve("README.md"), "House style: `" + SHARED + "/style.md`.")).isNotEmpty();
        assertThat(problems(BASE.resolve("pom.xml"), "<dir>/" + "work/main/data</dir>")).isNotEmpty();
        assertThat(problems(BASE.resolve("docs/adr/0001.md"), "see [x](" + ".." + "/.." + "/.." + "/notes.md)"))
                .isNotEmpty();
        assertThat(problems(BASE.resolve("bench/run"), "cd " + BASE + " && ./mvnw")).isNotEmpty();

        // steps up that stay inside, relative paths that merely contain the word, and URLs are fine
        assertThat(problems(BASE.resolve("src/main/resources/app/scripts/config.js"),
                "// provided in " + ".." + "/locales/zh.json.")).isEmpty();
        assertThat(problems(BASE.resolve("docs/adr/0001.md"), "see [ADR](" + ".." + "/policy.md)")).isEmpty();
        assertThat(problems(BASE.resolve("README.md"), "src/work/notes and https://example.org/a/" + ".."
                + "/b")).isEmpty();
    }

    /** What is wrong with one line of a file, in words; empty when nothing is. */
    static List<String> problems(Path file, String line) {
        List<String> problems = new ArrayList<>();
        if (line.contains(SHARED)) {
            problems.add("refers to a sibling checkout (" + SHARED + "): " + line.strip());
        }
        if (WORK.matcher(line).find()) {
            problems.add("refers to a machine's working directory: " + line.strip());
        }
        if (BASE.getNameCount() > 0 && line.contains(BASE.toString())) {
            problems.add("refers to the absolute path of this checkout: " + line.strip());
        }
        Matcher matcher = PARENT_PATH.matcher(line);
        while (matcher.find()) {
            boolean url = matcher.start() > 0 && line.charAt(matcher.start() - 1) == ':';
            boolean reported = matcher.group().contains(SHARED);
            if (!url && !reported && leavesTheRepository(file, matcher.group())) {
                problems.add("leaves the repository: " + matcher.group());
            }
        }
        return problems;
    }

    private static boolean leavesTheRepository(Path file, String token) {
        try {
            Path target = token.startsWith("/") ? Path.of(token) : file.getParent().resolve(token);
            return !target.normalize().startsWith(BASE);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(BASE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = SKIPPED_ANYWHERE.contains(name)
                        || (BASE.equals(dir.getParent()) && SKIPPED_AT_ROOT.contains(name));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                // a worktree's .git is a file; logs and IDE files are ignored by git
                if (attributes.isRegularFile() && !name.equals(".git") && !name.endsWith(".log")
                        && !name.endsWith(".iml")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** The file as UTF-8 text, or empty for a binary file (a NUL byte, or not UTF-8). */
    static Optional<String> readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
