package org.gongzu.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests (Tasklist, Cockpit, Admin), with its console recorded: a user in
 * Beijing (Chinese first), screenshots and page HTML to target/browser-screenshots for humans.
 */
class Chromium implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** A failed request as Chromium logs it: "… the server responded with a status of 404 ()". */
    private static final Pattern FAILED_REQUEST = Pattern.compile("status of [45]\\d\\d");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final ChromeDriverService service;
    private final Path profileDir;
    private final String base;
    private final String testName;
    private int shot;

    Chromium(int port, String testName) throws IOException {
        this.base = "http://localhost:" + port;
        this.testName = testName;
        profileDir = Files.createTempDirectory("gongzu-chromium-");
        // the installed driver and browser only: Selenium Manager (which downloads) is never asked
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profileDir.toAbsolutePath(),
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in with the webapps' own login form, on whichever app the browser is, and waits for the app. */
    void signIn(String user) {
        fillSignIn(user);
        submitSignIn();
        wait.withMessage(user + " logged in").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-widget-header] .navbar-brand")));
    }

    /**
     * Types the demo credentials until both fields hold them: while the page still loads (a slow
     * machine), the form can be drawn again and keys typed into the old one are lost.
     */
    void fillSignIn(String user) {
        wait.withMessage("the login form filled in").until(d -> {
            try {
                WebElement username = d.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
                WebElement password = d.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
                if (!username.isDisplayed() || !password.isDisplayed()) {
                    return false;
                }
                username.clear();
                username.sendKeys(user);
                password.clear();
                password.sendKeys("demo");
                return user.equals(username.getAttribute("value")) && "demo".equals(password.getAttribute("value"));
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        });
    }

    void submitSignIn() {
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    /** The failed requests (4xx, 5xx) the console reported since the last call. */
    List<String> failedRequests() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(Chromium::isFailedRequest).toList();
    }

    static boolean isFailedRequest(String consoleMessage) {
        return FAILED_REQUEST.matcher(consoleMessage).find();
    }

    /** True once no request of the page is running (AngularJS's $http). */
    void settle() {
        wait.withMessage("the page's requests done").until(d -> Boolean.TRUE.equals(driver.executeScript(
                "var el = window.angular && angular.element(document.documentElement);"
                        + "var injector = el && el.injector();"
                        + "return !!injector && injector.get('$http').pendingRequests.length === 0;")));
    }

    String title() {
        return driver.getTitle();
    }

    boolean bannerShown() {
        return driver.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed);
    }

    void screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = String.format("%s-%02d-%s", testName, ++shot, step);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | WebDriverException e) {
            System.err.println("No screenshot " + step + ": " + e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> paths = Files.walk(profileDir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
