package org.gongzu.web.errors;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Application;

import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import java.util.List;

import org.glassfish.jersey.server.ResourceConfig;
import org.gongzu.webapp.WebappEngineApiProvider;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Puts Gongzu's refusals and JSON limits into every REST surface: the project's /api (Spring MVC),
 * Camunda's /engine-rest (Spring Boot's Jersey application) and the webapps' own REST applications
 * under /camunda/api/ (Tasklist submits forms through /camunda/api/engine/…).
 */
@Configuration(proxyBeanMethods = false)
class RestErrorConfig {

    /** /engine-rest. */
    @Bean
    ResourceConfigCustomizer engineRestErrors() {
        return config -> JaxRsErrorMappers.PROVIDERS.forEach(config::register);
    }

    /** Spring MVC (/api) reads JSON within the same limits. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonLimits() {
        return builder -> builder.postConfigurer(JsonLimits::limit);
    }

    /** Oversized bodies and errors thrown outside the REST applications (e.g. in authentication filters). */
    @Bean
    FilterRegistrationBean<RestErrorFilter> restErrorFilter() {
        FilterRegistrationBean<RestErrorFilter> registration = new FilterRegistrationBean<>(new RestErrorFilter());
        registration.setName("gongzu-rest-errors");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        // before the authentication filters, which reach the database
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * The Camunda webapp starter registers its REST applications as servlets unless a servlet of
     * that name already exists; registered first, these are the same applications plus Gongzu's
     * mappers.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ServletContextInitializer webappRestErrors(CamundaBpmProperties properties,
            List<WebappEngineApiProvider> engineApiProviders) {
        List<Object> engineApiExtras = engineApiProviders.stream().map(WebappEngineApiProvider::provider).toList();
        return servletContext -> {
            String root = properties.getWebapp().getApplicationPath();
            register(servletContext, "Engine Api", EngineRestApplication.class, root + "/api/engine/*", engineApiExtras);
            register(servletContext, "Tasklist Api", TasklistApplication.class, root + "/api/tasklist/*", List.of());
            register(servletContext, "Cockpit Api", CockpitApplication.class, root + "/api/cockpit/*", List.of());
            register(servletContext, "Admin Api", AdminApplication.class, root + "/api/admin/*", List.of());
            register(servletContext, "Welcome Api", WelcomeApplication.class, root + "/api/welcome/*", List.of());
        };
    }

    private static void register(ServletContext servletContext, String name, Class<? extends Application> application,
            String mapping, List<Object> extras) {
        ResourceConfig config = ResourceConfig.forApplicationClass(application);
        JaxRsErrorMappers.PROVIDERS.forEach(config::register);
        extras.forEach(config::register);
        ServletRegistration.Dynamic servlet = servletContext.addServlet(name, new ServletContainer(config));
        servlet.addMapping(mapping);
    }
}
