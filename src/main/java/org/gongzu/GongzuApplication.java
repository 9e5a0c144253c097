package org.gongzu;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Gongzu: Beijing's public rental housing social-management and services policy as BPMN processes. */
@SpringBootApplication
public class GongzuApplication {

    /** Beijing time: "today" in the rules (dates not in the future) is Beijing's today. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(BEIJING);
    }

    public static void main(String[] args) {
        SpringApplication.run(GongzuApplication.class, args);
    }
}
