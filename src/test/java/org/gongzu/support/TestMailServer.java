package org.gongzu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server (GreenMail) for the shared test context, started once per test JVM before the
 * context, behind a {@link CuttableTcpProxy} so that a test can take the server away and give it
 * back. The application's spring.mail.host and port point at the proxy.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail greenMail;
    private static CuttableTcpProxy proxy;

    /** The server: its received messages. */
    public static synchronized GreenMail greenMail() {
        start();
        return greenMail;
    }

    /** What stands between the application and the server: {@code cut()} and {@code restore()} it. */
    public static synchronized CuttableTcpProxy proxy() {
        start();
        return proxy;
    }

    private static void start() {
        if (greenMail != null) {
            return;
        }
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = free.getLocalPort();
            free.close();
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            proxy = new CuttableTcpProxy(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test SMTP server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + proxy().port()).applyTo(context);
    }
}
