package org.gongzu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail templates: the built-in ones, HTML escaping, and a manager's changed file taking their place. */
class MailTemplatesTest {

    private static MailSettings settings(String templatesDir) {
        return new MailSettings("", "gongzu@gongzu.example", "公租房服务平台", "", "https://gongzu.test", templatesDir,
                16, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(2),
                50, java.time.Duration.ofHours(24), "08:00");
    }

    private static final Map<String, Object> VALUES = Map.of("taskName", "登记<家庭>成员", "caseId", "HH-2026-000001",
            "groupName", "海淀区学院路街道 居委会", "link", "https://gongzu.test/camunda/app/tasklist/default/#/?task=1");

    @Test
    void theBuiltInTemplatesEscapeValuesInHtmlButNotInText() {
        Rendered mail = new MailTemplates(settings("")).render(MailKind.ARRIVAL, VALUES);
        assertThat(mail.subject()).isEqualTo("【公租房】新任务：登记<家庭>成员（案卷 HH-2026-000001）");
        assertThat(mail.html()).contains("<strong>登记&lt;家庭&gt;成员</strong>")
                .contains("href=\"https://gongzu.test/camunda/app/tasklist/default/#/?task=1\"");
        assertThat(mail.text()).contains("任务：登记<家庭>成员").doesNotContain("办理期限");
    }

    @Test
    void aFileInTheTemplatesDirectoryReplacesTheBuiltInOneAndIsReadAgainWhenChanged(@TempDir Path dir) throws Exception {
        MailTemplates templates = new MailTemplates(settings(dir.toString()));
        Path subject = dir.resolve("arrival.subject.mustache");
        Files.writeString(subject, "请办理：{{taskName}}");
        assertThat(templates.render(MailKind.ARRIVAL, VALUES).subject()).isEqualTo("请办理：登记<家庭>成员");

        Files.writeString(subject, "新待办 {{caseId}}");
        Files.setLastModifiedTime(subject, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Rendered changed = templates.render(MailKind.ARRIVAL, VALUES);
        assertThat(changed.subject()).isEqualTo("新待办 HH-2026-000001");
        // the other parts still come from the built-in templates
        assertThat(changed.text()).contains("有一项新的待办任务");
    }
}
