package org.gongzu.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gongzu.identity.Roles;
import org.gongzu.validation.Fields;
import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Mail over /api (HTTP Basic) and the webapps' /api/gongzu (session): 催办 of a step, the caller's
 * choice between single mails and a daily digest, and the outbox for administrators (rows with
 * their errors, a FAILED row tried again).
 */
@RestController
class MailController {

    private static final String BASIC = "/api";
    private static final String SESSION = "${camunda.bpm.webapp.application-path:/camunda}/api/gongzu";

    private final Callers callers;
    private final Urges urges;
    private final MailPreferences preferences;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final Clock clock;

    MailController(Callers callers, Urges urges, MailPreferences preferences, Outbox outbox, OutboxSender sender,
            Clock clock) {
        this.sender = sender;
        this.callers = callers;
        this.urges = urges;
        this.preferences = preferences;
        this.outbox = outbox;
        this.clock = clock;
    }

    record Urge(String message) {
    }

    /** 催办 a step: 201 with the urge's id and time; 429 while the step was urged too recently. */
    @PostMapping({BASIC + "/tasks/{taskId}/urge", SESSION + "/tasks/{taskId}/urge"})
    ResponseEntity<Urges.Urged> urge(@PathVariable String taskId, @RequestBody(required = false) Urge body,
            HttpServletRequest request) {
        Caller caller = callers.of(request);
        Map<String, Object> values = new HashMap<>();
        values.put("message", body == null ? null : body.message());
        Fields fields = new Fields(values, LocalDate.now(clock));
        String message = fields.note("message", "催办说明", 200);
        fields.check();
        return ResponseEntity.status(HttpStatus.CREATED).body(callers.asSystem(() -> urges.urge(caller, taskId, message)));
    }

    record Preference(String mode) {
    }

    @GetMapping({BASIC + "/mail/preference", SESSION + "/mail/preference"})
    Preference preference(HttpServletRequest request) {
        return new Preference(preferences.of(callers.of(request).userId()).name());
    }

    /** IMMEDIATE: each mail at once; DIGEST: one mail a day (escalations still go at once). */
    @PutMapping({BASIC + "/mail/preference", SESSION + "/mail/preference"})
    Preference choose(@RequestBody Preference body, HttpServletRequest request) {
        Caller caller = callers.of(request);
        Map<String, Object> values = new HashMap<>();
        values.put("mode", body == null ? null : body.mode());
        Fields fields = new Fields(values, LocalDate.now(clock));
        MailPreferences.Mode mode = fields.choice("mode", "邮件提醒方式", MailPreferences.Mode.class);
        fields.check();
        preferences.set(caller.userId(), mode, clock.instant());
        return new Preference(mode.name());
    }

    @GetMapping({BASIC + "/mail/outbox", SESSION + "/mail/outbox"})
    List<Outbox.Row> outbox(@RequestParam(required = false) String status, HttpServletRequest request) {
        administrator(request);
        if (status != null && !List.of("PENDING", "SENT", "FAILED", "HELD", "DIGESTED").contains(status)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "邮件状态无效：" + status);
        }
        return outbox.list(status, 500);
    }

    /** A FAILED mail is sent again, its attempts counted anew. */
    @PostMapping({BASIC + "/mail/outbox/{id}/retry", SESSION + "/mail/outbox/{id}/retry"})
    Map<String, Object> retry(@PathVariable long id, HttpServletRequest request) {
        administrator(request);
        if (!outbox.retry(id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "只有发送失败的邮件可以重新发送");
        }
        sender.nudge();
        return Map.of("id", id, "status", "PENDING");
    }

    private void administrator(HttpServletRequest request) {
        if (!callers.of(request).groups().contains(Roles.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以查看和重发邮件");
        }
    }
}
