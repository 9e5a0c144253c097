package org.gongzu.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

class ChineseErrorPagesTest {

    private final ChineseErrorPages pages = new ChineseErrorPages();

    @Test
    void everyStatusGetsAChineseSentenceAndAWayBackWithoutDetails() throws Exception {
        Map<HttpStatus, String> expected = Map.of(
                HttpStatus.FORBIDDEN, "没有访问权限",
                HttpStatus.NOT_FOUND, "页面不存在",
                HttpStatus.METHOD_NOT_ALLOWED, "无法处理该请求",
                HttpStatus.INTERNAL_SERVER_ERROR, "系统出错了",
                HttpStatus.SERVICE_UNAVAILABLE, "系统暂时无法提供服务");
        for (var entry : expected.entrySet()) {
            String html = render(entry.getKey());
            assertThat(html).as(entry.getKey().toString()).contains("<title>" + entry.getValue() + " - 公租</title>",
                    "<h1 id=\"error-title\">" + entry.getValue() + "</h1>", "href=\"/\"", "返回首页")
                    .doesNotContain("{{", "Whitelabel", "Exception", String.valueOf(entry.getKey().value()));
        }
    }

    private String render(HttpStatus status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/app/cockpit/default/");
        ModelAndView view = pages.resolveErrorView(request, status, Map.of("trace", "secret"));
        assertThat(view.getStatus()).isEqualTo(status);
        MockHttpServletResponse response = new MockHttpServletResponse();
        view.getView().render(Map.of(), request, response);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        return response.getContentAsString();
    }
}
