package org.gongzu.allowancework;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gongzu.webapp.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monthly public-service hours of allowance households (clause 8), for the district civil
 * affairs bureau (its district), sub-district offices (their sub-district), supervisors and
 * administrators: as a spreadsheet, and as JSON for scripts. With HTTP Basic under /api and with the
 * webapps' session under their /api, as the case endpoints answer.
 */
@RestController
class AllowanceHoursController {

    private static final String BASIC = "/api/allowance-work/hours";
    private static final String SESSION = "${camunda.bpm.webapp.application-path:/camunda}/api/gongzu/allowance-work/hours";
    static final String NO_RIGHT = "您所在部门无权查看低保家庭公益劳动工时";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MonthlyHoursService hours;
    private final Callers callers;

    AllowanceHoursController(MonthlyHoursService hours, Callers callers) {
        this.hours = hours;
        this.callers = callers;
    }

    /** The month's sums as JSON, e.g. GET /api/allowance-work/hours?month=2026-11. */
    @GetMapping({BASIC, SESSION})
    MonthView json(@RequestParam(required = false) String month, HttpServletRequest request) {
        MonthlyHoursService.Reader reader = reader(request);
        YearMonth asked = MonthlyHoursService.month(month);
        return new MonthView(asked.toString(), hours.monthly(asked, reader));
    }

    /** The same as the civil affairs bureau's spreadsheet. */
    @GetMapping({BASIC + ".xlsx", SESSION + ".xlsx"})
    ResponseEntity<byte[]> sheet(@RequestParam(required = false) String month, HttpServletRequest request) {
        MonthlyHoursService.Reader reader = reader(request);
        YearMonth asked = MonthlyHoursService.month(month);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(AllowanceHoursSheet.fileName(asked), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(AllowanceHoursSheet.of(hours.monthly(asked, reader)));
    }

    record MonthView(String month, List<MonthlyHoursService.Row> rows) {
    }

    /** 401 without a login, 403 for a department that does not read these hours. */
    private MonthlyHoursService.Reader reader(HttpServletRequest request) {
        MonthlyHoursService.Reader reader = MonthlyHoursService.Reader.of(callers.of(request).groups());
        if (!reader.mayRead()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NO_RIGHT);
        }
        return reader;
    }
}
