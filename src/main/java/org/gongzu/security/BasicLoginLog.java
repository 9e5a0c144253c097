package org.gongzu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs HTTP Basic logins on /engine-rest and /api: who, from where (the time is the log line's).
 * Every failure is a WARN line; a success is an INFO line once per user per interval, because
 * Basic authenticates every single call (docs/adr/0007). The password is never read.
 */
class BasicLoginLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BasicLoginLog.class);
    private static final int MAX_USER_ID_LOGGED = 64;

    private final Clock clock;
    private final Duration successInterval;
    private final Map<String, Instant> lastSuccessLogged = new ConcurrentHashMap<>();

    BasicLoginLog(Clock clock, Duration successInterval) {
        this.clock = clock;
        this.successInterval = successInterval;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = basicUserId(request.getHeader("Authorization"));
        try {
            chain.doFilter(request, response);
        } finally {
            if (userId != null) {
                logOutcome(userId, request, response.getStatus());
            }
        }
    }

    private void logOutcome(String userId, HttpServletRequest request, int status) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            log.warn("HTTP Basic login failed: user {} from {} on {} {}", userId, request.getRemoteAddr(),
                    request.getMethod(), path);
            return;
        }
        Instant now = clock.instant();
        Instant last = lastSuccessLogged.get(userId);
        if (last == null || !now.isBefore(last.plus(successInterval))) {
            lastSuccessLogged.put(userId, now);
            log.info("HTTP Basic login: user {} from {} (further successes of this user within {} are not logged)",
                    userId, request.getRemoteAddr(), successInterval);
        }
    }

    /** The user id of a Basic header, cut and cleaned: it is whatever a caller typed, possibly not a user. */
    static String basicUserId(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "(malformed)";
        }
        int colon = decoded.indexOf(':');
        String userId = colon < 0 ? decoded : decoded.substring(0, colon);
        StringBuilder clean = new StringBuilder();
        userId.codePoints().limit(MAX_USER_ID_LOGGED)
                .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<BasicLoginLog> basicLoginLog(Clock clock,
                @Value("${gongzu.basic-login-log-interval}") Duration successInterval) {
            FilterRegistrationBean<BasicLoginLog> registration =
                    new FilterRegistrationBean<>(new BasicLoginLog(clock, successInterval));
            registration.setName("gongzu-basic-login-log");
            registration.addUrlPatterns("/engine-rest/*", "/api/*");
            // around the authentication filter (order 1), to see its answer
            registration.setOrder(0);
            return registration;
        }
    }
}
