package org.gongzu.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gongzu.support.GongzuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Engine settings of docs/adr/0007 as the running engine has them (the production run checks its own). */
@GongzuTest
class EngineHardeningTest {

    @Autowired ProcessEngineConfiguration configuration;
    @Autowired Environment environment;

    @Test
    void scriptsGetNoHostAccess() {
        assertThat(engine().isConfigureScriptEngineHostAccess()).isFalse();
    }

    @Test
    void throttlingStaysButNeverLocksForGood() {
        assertThat(engine().getLoginDelayBase()).isPositive();
        assertThat(engine().getLoginDelayFactor()).isGreaterThan(1);
        assertThat(engine().getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(engine().isWebappsAuthenticationLoggingEnabled()).isTrue();
    }

    @Test
    void webappAuthenticationsAreRereadWithinAMinute() {
        assertThat(environment.getProperty("camunda.bpm.webapp.auth.cache.ttl-enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("camunda.bpm.webapp.auth.cache.time-to-live", Long.class))
                .isPositive().isLessThanOrEqualTo(60_000L);
    }

    private ProcessEngineConfigurationImpl engine() {
        return (ProcessEngineConfigurationImpl) configuration;
    }
}
