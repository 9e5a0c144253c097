package org.gongzu.security;

import java.time.Duration;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Out of the box /engine-rest answers anyone. Here it, and the project's own /api, require HTTP
 * Basic against the Camunda identity (the Camunda Modeler deploys that way); the engine then checks
 * the user's authorizations. A verified login is remembered for a short interval
 * ({@link RememberedBasicLogins}). The webapps (/camunda) have their own session login.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
            @Value("${gongzu.basic-login-remembered-for:30s}") Duration rememberedFor) {
        RememberedBasicLogins logins = new RememberedBasicLogins(rememberedFor);
        ProcessEngineAuthenticationFilter filter = new ProcessEngineAuthenticationFilter() {
            @Override
            public void init(FilterConfig filterConfig) throws ServletException {
                super.init(filterConfig);
                authenticationProvider = logins;
            }
        };
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("gongzu-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        // both paths are checked in full: nothing below them is open
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "");
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.setOrder(1);
        return registration;
    }
}
