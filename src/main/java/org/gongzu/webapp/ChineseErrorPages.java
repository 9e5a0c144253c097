package org.gongzu.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a browser gets for an error instead of Spring's English "Whitelabel" page: one Chinese
 * sentence for the status and a way back to the start page, never an internal detail.
 */
@Component
class ChineseErrorPages implements ErrorViewResolver, Ordered {

    private record Text(String title, String text) {
    }

    private static final Map<Integer, Text> TEXTS = Map.of(
            403, new Text("没有访问权限", "您的账号无权打开此页面。如确需使用，请联系系统管理员为您开通权限。"),
            404, new Text("页面不存在", "您要打开的页面不存在或已被移除，请检查地址是否正确。"),
            500, new Text("系统出错了", "系统处理您的请求时出现错误，请稍后重试。如问题持续出现，请联系系统管理员。"));
    private static final Text CLIENT_ERROR = new Text("无法处理该请求", "系统无法处理此请求，请返回首页后重试。");
    private static final Text SERVER_ERROR = new Text("系统暂时无法提供服务",
            "系统暂时无法处理您的请求，请稍后重试。如问题持续出现，请联系系统管理员。");

    private final String template = read("error-page/page.html");

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Text text = TEXTS.getOrDefault(status.value(), status.is5xxServerError() ? SERVER_ERROR : CLIENT_ERROR);
        String html = template.replace("{{title}}", HtmlUtils.htmlEscape(text.title()))
                .replace("{{text}}", HtmlUtils.htmlEscape(text.text()));
        View page = (ignored, req, response) -> {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(html);
        };
        ModelAndView view = new ModelAndView(page);
        view.setStatus(status);
        return view;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
