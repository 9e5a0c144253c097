package org.gongzu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one application context that integration tests share: the whole application on a random
 * port, on the embedded PostgreSQL, with the demo places, projects and users, sending mail to a
 * GreenMail SMTP server in the test JVM ({@link TestMailServer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = {EmbeddedPostgresInitializer.class, TestMailServer.class})
@Import({ProcessEngineCoverageConfiguration.class, ProcessCoverage.Properties.class})
@TestExecutionListeners(listeners = ProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface GongzuTest {
}
