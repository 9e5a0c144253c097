package org.gongzu.db;

import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine never creates or upgrades its own schema (camunda.bpm.database.schema-update=false):
 * Flyway does, from db/camunda/{vendor}. So the engine must start only after Flyway has migrated.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterFlywayConfig {

    static final String FLYWAY_INITIALIZER = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor processEngineDependsOnFlyway() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
                return;
            }
            for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
                String beanName = name.startsWith("&") ? name.substring(1) : name;
                BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
                String[] current = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(current), Stream.of(FLYWAY_INITIALIZER))
                        .distinct().toArray(String[]::new));
            }
        };
    }
}
