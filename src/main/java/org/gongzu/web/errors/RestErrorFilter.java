package org.gongzu.web.errors;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * In front of every REST surface: refuses a request body over {@link JsonLimits#MAX_BODY_BYTES}
 * before anything reads it, and answers an exception that escapes the REST applications (an
 * authentication filter that cannot reach the database, say) with a refusal instead of Tomcat's or
 * Spring's error page.
 */
class RestErrorFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        if (hasLimitedBody(request)) {
            if (request.getContentLengthLong() > JsonLimits.MAX_BODY_BYTES) {
                refuseOversized(request, response);
                return;
            }
            if (request.getContentLengthLong() < 0 && !isForm(request)) {
                byte[] body = readAtMost(request.getInputStream(), JsonLimits.MAX_BODY_BYTES + 1);
                if (body.length > JsonLimits.MAX_BODY_BYTES) {
                    refuseOversized(request, response);
                    return;
                }
                checked = new BufferedBodyRequest(request, body);
            }
        }
        try {
            chain.doFilter(checked, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            write(response, ErrorTranslator.translate(e, where(request)));
        }
    }

    /** Uploads (deployments, files) are multipart and limited elsewhere; everything else is small. */
    private static boolean hasLimitedBody(HttpServletRequest request) {
        String type = request.getContentType();
        return !(type != null && type.toLowerCase().startsWith("multipart/"))
                && (request.getContentLengthLong() != 0 && !"GET".equals(request.getMethod()));
    }

    private static boolean isForm(HttpServletRequest request) {
        return request.getContentType() != null
                && request.getContentType().toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    private static void refuseOversized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, ErrorTranslator.translate(new BodyTooLargeException(), where(request)));
        // the rest of the body is not read: close the connection rather than keep it in an unknown state
        response.setHeader("Connection", "close");
    }

    static void write(HttpServletResponse response, Refusal refusal) throws IOException {
        response.resetBuffer();
        response.setStatus(refusal.status());
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(refusal.body()));
        response.flushBuffer();
    }

    private static String where(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < max && (read = in.read(buffer, 0, Math.min(buffer.length, max - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** A body too large to read; answered 400 like any other refused input. */
    static class BodyTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("Request body over " + JsonLimits.MAX_BODY_BYTES + " bytes", null, false, false);
        }
    }

    /** A request whose body (sent without a length) was read here, within the limit. */
    private static class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
