package org.gongzu.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.gongzu.support.TestMailServer;

/** What GreenMail received, found by the Message-ID the outbox derives from each mail's key. */
final class Mailbox {

    private Mailbox() {
    }

    /** The messages received for this idempotency key (more than one would be a duplicate). */
    static List<MimeMessage> withKey(String key) {
        String id = OutboxSender.messageId(key);
        return Arrays.stream(TestMailServer.greenMail().getReceivedMessages()).filter(m -> id.equals(messageId(m)))
                .toList();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The body of the given type (text/plain, text/html) of a multipart mail. */
    static String part(Part message, String type) {
        try {
            if (message.isMimeType(type)) {
                return (String) message.getContent();
            }
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    String found = part(part, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
