package org.gongzu.employment;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.gongzu.process.ModelBean;

/**
 * The configurable numbers of clause 7. The statutory retirement age rises step by step from 2025,
 * so the working-age bounds are configuration that the eligibility decision receives as inputs.
 * The BPMN's follow-up timer reads {@code ${employmentSettings.followUpInterval()}}.
 */
@Component
@ModelBean
public class EmploymentSettings {

    private final int workingAgeFrom;
    private final int retirementAgeMale;
    private final int retirementAgeFemale;
    private final String followUpInterval;

    EmploymentSettings(@Value("${gongzu.employment.working-age-from:16}") int workingAgeFrom,
            @Value("${gongzu.employment.retirement-age-male:60}") int retirementAgeMale,
            @Value("${gongzu.employment.retirement-age-female:55}") int retirementAgeFemale,
            @Value("${gongzu.employment.follow-up-interval:P30D}") String followUpInterval) {
        if (workingAgeFrom < 0 || retirementAgeMale <= workingAgeFrom || retirementAgeFemale <= workingAgeFrom) {
            throw new IllegalStateException("gongzu.employment: the retirement ages must lie above the working age "
                    + workingAgeFrom);
        }
        this.workingAgeFrom = workingAgeFrom;
        this.retirementAgeMale = retirementAgeMale;
        this.retirementAgeFemale = retirementAgeFemale;
        this.followUpInterval = checkedDuration(followUpInterval);
    }

    public int workingAgeFrom() {
        return workingAgeFrom;
    }

    public int retirementAgeMale() {
        return retirementAgeMale;
    }

    public int retirementAgeFemale() {
        return retirementAgeFemale;
    }

    /** How long after registration, and after each follow-up, the next follow-up falls due (ISO-8601). */
    public String followUpInterval() {
        return followUpInterval;
    }

    /** A bad interval stops the start-up instead of failing the first registration that sets a timer. */
    private static String checkedDuration(String iso) {
        try {
            Duration.parse(iso);
            return iso;
        } catch (DateTimeParseException notTimeBased) {
            try {
                Period.parse(iso);
                return iso;
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("gongzu.employment.follow-up-interval is not an ISO-8601 duration: " + iso, e);
            }
        }
    }
}
