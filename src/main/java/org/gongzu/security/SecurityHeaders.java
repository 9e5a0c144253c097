package org.gongzu.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on the APIs, which Camunda sends only on its webapps: no MIME sniffing, no
 * framing, and, because the answers carry personal data, nothing stored in any cache. Set before
 * anything else runs, so a 401 or 400 carries them too (docs/adr/0007).
 */
class SecurityHeaders extends OncePerRequestFilter {

    static final String CACHE_CONTROL = "Cache-Control";
    static final String NO_STORE = "no-store";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // the webapps' own filter replaces this with Camunda's full policy, which has the same frame-ancestors
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        if (carriesData(request)) {
            response.setHeader(CACHE_CONTROL, NO_STORE);
            response.setHeader("Pragma", "no-cache");
            chain.doFilter(request, new NoStore(response));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Everything but the webapps' static pages and scripts, which browsers may keep. */
    private static boolean carriesData(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/camunda/") || path.startsWith("/camunda/api/");
    }

    /** Camunda's webapp REST sets "Cache-Control: no-cache", which still lets a browser store the data. */
    private static final class NoStore extends HttpServletResponseWrapper {

        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SecurityHeaders> securityHeaders() {
            FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
            registration.setName("gongzu-security-headers");
            registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/*");
            // before the authentication filters, so that their refusals carry the headers as well
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
