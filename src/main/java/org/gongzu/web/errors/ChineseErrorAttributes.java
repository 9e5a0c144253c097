package org.gongzu.web.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring's /error page (JSON or HTML) tells the caller: the status and a Chinese sentence for
 * it, never the exception's own message, its type or a stack trace.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> defaults = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        Object status = defaults.get("status");
        int code = status instanceof Integer value && value >= 400 && value < 600 ? value : 500;
        String message = ErrorTranslator.messageFor(code);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("timestamp", defaults.get("timestamp"));
        attributes.put("status", code);
        attributes.put("error", message);
        attributes.put("message", message);
        return attributes;
    }
}
