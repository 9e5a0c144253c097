package org.gongzu.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The demo profile is the default when no profile is given, and it creates users whose password is
 * "demo". Started against PostgreSQL without SPRING_PROFILES_ACTIVE=prod, it would put those users
 * into a real database: refuse to start instead. Tests, which run the demo on an embedded
 * PostgreSQL, say so with gongzu.demo-on-any-database=true.
 */
public class DemoOnlyOnH2 implements EnvironmentPostProcessor {

    static final String ALLOW = "gongzu.demo-on-any-database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:") && !environment.getProperty(ALLOW, Boolean.class, false)) {
            throw new IllegalStateException("The demo profile (users with password \"demo\") runs only on the"
                    + " zero-setup H2 database, not on " + url.replaceAll("//[^/@]*@", "//***@").replaceAll("(?i)password=[^&;]*", "password=***")
                    + ". For PostgreSQL set SPRING_PROFILES_ACTIVE=prod (README, Production).");
        }
    }
}
