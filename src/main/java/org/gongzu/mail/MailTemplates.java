package org.gongzu.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.stereotype.Component;

/**
 * Renders a kind's templates with JMustache: {@code <kind>.subject.mustache}, {@code .html.mustache}
 * (values HTML-escaped) and {@code .txt.mustache}, from the directory gongzu.mail.templates-dir where
 * a manager put a file of that name, else from the classpath's mail-templates/. A changed file is
 * read again on the next mail.
 */
@Component
class MailTemplates {

    private record Compiled(long modified, Template template) {
    }

    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).nullValue("").defaultValue("").emptyStringIsFalse(true);
    private static final Mustache.Compiler PLAIN = Mustache.compiler().escapeHTML(false).nullValue("").defaultValue("").emptyStringIsFalse(true);

    private final Path directory;
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    MailTemplates(MailSettings settings) {
        this.directory = settings.templatesDir == null ? null : Path.of(settings.templatesDir);
    }

    Rendered render(MailKind kind, Map<String, Object> values) {
        String subject = template(kind.template() + ".subject.mustache", PLAIN).execute(values);
        return new Rendered(subject.strip().replaceAll("\\s+", " "),
                template(kind.template() + ".html.mustache", HTML).execute(values),
                template(kind.template() + ".txt.mustache", PLAIN).execute(values));
    }

    private Template template(String name, Mustache.Compiler compiler) {
        try {
            if (directory != null) {
                Path file = directory.resolve(name);
                if (Files.isRegularFile(file)) {
                    long modified = Files.getLastModifiedTime(file).toMillis();
                    Compiled known = cache.get(file.toString());
                    if (known == null || known.modified() != modified) {
                        known = new Compiled(modified, compiler.compile(Files.readString(file, StandardCharsets.UTF_8)));
                        cache.put(file.toString(), known);
                    }
                    return known.template();
                }
            }
            return cache.computeIfAbsent("classpath:" + name, key -> new Compiled(0, compiler.compile(classpath(name))))
                    .template();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mail template " + name, e);
        }
    }

    private static String classpath(String name) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail-templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No mail template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
