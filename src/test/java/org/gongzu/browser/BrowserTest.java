package org.gongzu.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh Debian Chromium for each browser test, closed after it, with a picture and the HTML of
 * the moment a test fails (target/browser-screenshots). Needs /usr/bin/chromium and chromedriver:
 * the Maven profile "browser" runs these tests where chromedriver is installed.
 */
abstract class BrowserTest {

    @LocalServerPort int port;

    Chromium browser;

    @RegisterExtension
    final AfterTestExecutionCallback captureOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("FAILED");
        }
    };

    @BeforeEach
    void openBrowser(TestInfo info) throws IOException {
        browser = new Chromium(port, getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
        browserOpened();
    }

    /** For subclasses that keep their own view of the browser. */
    void browserOpened() {
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
        }
    }
}
