package org.gongzu.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DemoOnlyOnH2Test {

    private final DemoOnlyOnH2 guard = new DemoOnlyOnH2();

    @Test
    void demoProfileOnPostgresqlRefusesToStart() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/gongzu?user=gongzu&password=secret");
        environment.setDefaultProfiles("demo");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPRING_PROFILES_ACTIVE=prod")
                .hasMessageNotContaining("secret");
    }

    @Test
    void demoProfileOnH2AndProductionProfileOnPostgresqlStart() {
        MockEnvironment demo = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/gongzu");
        demo.setDefaultProfiles("demo");
        assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();

        MockEnvironment prod = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/gongzu");
        prod.setDefaultProfiles("demo");
        prod.setActiveProfiles("prod");
        assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();
    }
}
