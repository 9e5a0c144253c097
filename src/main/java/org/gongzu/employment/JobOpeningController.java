package org.gongzu.employment;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For community employers' and service bodies' job openings (clause 7 paragraph 3), posted by the
 * property owner or the social security office of the sub-district: each starts a JobReferral.
 */
@RestController
@RequestMapping("/api/job-openings")
class JobOpeningController {

    static final String NOT_ALLOWED = "只有产权单位或社保所可以发布社区招聘岗位";
    static final String OTHER_SUB_DISTRICT = "「所在街道」不是您所在的街道，只有该街道的产权单位或社保所可以为其发布社区招聘岗位";

    private final JobReferralService service;
    private final JobReferralStarter starter;
    private final Callers callers;

    JobOpeningController(JobReferralService service, JobReferralStarter starter, Callers callers) {
        this.service = service;
        this.starter = starter;
        this.callers = callers;
    }

    /**
     * The body: {@code subDistrictCode}, {@code employer}, {@code title}, {@code positions} and
     * optionally {@code requirements}. Answers 201 with the job opening's id.
     */
    @PostMapping
    ResponseEntity<JobReferralStarter.Posted> post(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Caller caller = callers.of(request);
        // a department that may post nowhere learns nothing about the body's checks
        if (!JobReferralService.mayPost(caller.groups(), null)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_ALLOWED);
        }
        JobReferralService.Draft draft = service.checked(body);
        if (!JobReferralService.mayPost(caller.groups(), draft.subDistrictCode())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, OTHER_SUB_DISTRICT);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(starter.post(draft, caller.userId()));
    }
}
