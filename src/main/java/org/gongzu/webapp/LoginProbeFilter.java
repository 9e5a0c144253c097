package org.gongzu.webapp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every webapp asks "who is logged in?" when it opens; Camunda answers 404 when nobody is, which
 * the browser logs as a failed request on every login page. This answers that one question with
 * 204 No Content instead (the webapps treat any answer but 200 as "not logged in"); every other
 * request, and the question once someone is logged in, reach Camunda unchanged (docs/adr/0009).
 */
class LoginProbeFilter extends OncePerRequestFilter {

    private final String probePrefix;

    LoginProbeFilter(String applicationPath) {
        this.probePrefix = applicationPath + "/api/admin/auth/user/";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !path.startsWith(probePrefix)
                || path.substring(probePrefix.length()).isEmpty() || path.substring(probePrefix.length()).contains("/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String engine = path.substring(probePrefix.length());
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null || !authentications.hasAuthenticationForProcessEngine(engine)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<LoginProbeFilter> loginProbeFilter(
                @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
            FilterRegistrationBean<LoginProbeFilter> registration =
                    new FilterRegistrationBean<>(new LoginProbeFilter(applicationPath));
            registration.setName("gongzu-login-probe");
            registration.addUrlPatterns(applicationPath + "/api/admin/auth/user/*");
            registration.setOrder(2);
            return registration;
        }
    }
}
