package org.gongzu.mail;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The node's outbox sender, with Spring Boot's JavaMailSender when spring.mail.host is set. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    OutboxSender outboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mailSender, MailSettings settings,
            Clock clock, @Value("${gongzu.mail.node-id:}") String node) {
        return new OutboxSender(outbox, mailSender.getIfAvailable(), settings, clock, node);
    }
}
