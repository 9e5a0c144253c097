package org.gongzu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the figures with the targets every few minutes ({@code gongzu.monitoring.breach-check},
 * default 5 minutes): the p90 of each step per district, the backlog of each step per department's
 * place. A breach is a row claimed with a unique key while it lasts, so neither a second check nor a
 * second node raises it again; it is announced once ({@link MonitoringEvents.Breached}: the
 * target-breach process puts a task before the district's supervisors). Once the figure is back
 * within the target the breach closes, and a later one is new.
 */
@Component
@org.springframework.scheduling.annotation.EnableScheduling
public class BreachWatch {

    private static final Logger LOG = LoggerFactory.getLogger(BreachWatch.class);

    private final Thresholds thresholds;
    private final MonitoringQueries queries;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final MonitoringViews views;
    private final PlaceRepository places;

    BreachWatch(Thresholds thresholds, MonitoringQueries queries, JdbcTemplate jdbc, ApplicationEventPublisher events,
            MonitoringViews views, PlaceRepository places) {
        this.thresholds = thresholds;
        this.queries = queries;
        this.jdbc = jdbc;
        this.events = events;
        this.views = views;
        this.places = places;
    }

    @Scheduled(fixedDelayString = "${gongzu.monitoring.breach-check:PT5M}", initialDelayString = "${gongzu.monitoring.breach-check:PT5M}")
    void scheduled() {
        try {
            check(MonitoringViews.now());
        } catch (RuntimeException e) {
            LOG.warn("Monitoring targets not checked: {}", e.toString());
        }
    }

    /** Checks every target over the default window up to {@code now}; answers the breaches newly raised. */
    @Transactional
    public List<String> check(Instant now) {
        MonitoringFilter window = new MonitoringFilter(MonitoringFilter.DEFAULT_DAYS,
                now.minusSeconds(MonitoringFilter.DEFAULT_DAYS * 86_400L), now, null, null, null, null);
        List<String> raised = new ArrayList<>();
        thresholds.all().forEach((processKey, targets) -> {
            Map<String, String> stepNames = views.stepNames(processKey);
            Map<String, Long> measured = new HashMap<>();
            queries.p90ByDistrict(processKey, window).forEach(d -> measured.put("P90|" + d.elementId() + "|"
                    + d.districtCode(), Math.round(d.p90())));
            queries.openByStepAndPlace(processKey).forEach(c -> measured.merge("BACKLOG|" + c.elementId() + "|"
                    + c.placeCode(), c.open(), Long::sum));
            targets.values().forEach(target -> {
                for (String kind : List.of("P90", "BACKLOG")) {
                    Long limit = "P90".equals(kind)
                            ? (target.p90MaxHours() == null ? null : target.p90MaxHours() * 3_600_000L)
                            : (target.backlogMax() == null ? null : target.backlogMax().longValue());
                    String prefix = kind + "|" + target.elementId() + "|";
                    List<String> placesMeasured = new ArrayList<>();
                    measured.forEach((key, value) -> {
                        if (key.startsWith(prefix) && limit != null) {
                            String place = key.substring(prefix.length());
                            placesMeasured.add(place);
                            evaluate(processKey, target.elementId(), stepNames.getOrDefault(target.elementId(),
                                    target.elementId()), kind, place, value, limit, now, raised);
                        }
                    });
                    // places no longer measured (nothing completed, nothing open) are within any target
                    jdbc.queryForList("select place_code from monitoring_breach where process_key = ? and element_id = ?"
                            + " and kind = ? and open_marker = 'Y'", String.class, processKey, target.elementId(), kind)
                            .stream().filter(place -> limit == null || !placesMeasured.contains(place))
                            .forEach(place -> close(processKey, target.elementId(), kind, place, now));
                }
            });
        });
        return raised;
    }

    private void evaluate(String processKey, String element, String stepName, String kind, String place, long measured,
            long target, Instant now, List<String> raised) {
        if (measured <= target) {
            close(processKey, element, kind, place, now);
            return;
        }
        int claimed = jdbc.update("insert into monitoring_breach (process_key, element_id, kind, place_code, measured,"
                + " target, opened_at, open_marker) select ?, ?, ?, ?, ?, ?, ?, 'Y' where not exists (select 1 from"
                + " monitoring_breach where process_key = ? and element_id = ? and kind = ? and place_code = ?"
                + " and open_marker = 'Y')", processKey, element, kind, place, measured, target, Timestamp.from(now),
                processKey, element, kind, place);
        if (claimed == 0) {
            return;
        }
        long id = jdbc.queryForObject("select id from monitoring_breach where process_key = ? and element_id = ?"
                + " and kind = ? and place_code = ? and open_marker = 'Y'", Long.class, processKey, element, kind, place);
        String placeName = places.find(place).map(Place::name).orElse(place);
        String title = ("P90".equals(kind) ? "办理时长超出目标：" : "积压超出目标：") + stepName + "（" + placeName + "）";
        String description = "P90".equals(kind)
                ? placeName + "近30天「" + stepName + "」的第90百分位办理时长为 " + hours(measured) + " 小时，目标不超过 "
                        + hours(target) + " 小时。"
                : placeName + "「" + stepName + "」的待办积压为 " + measured + " 件，目标不超过 " + target + " 件。";
        events.publishEvent(new MonitoringEvents.Breached(id, processKey, element, kind, Place.districtOf(place), place,
                title, description));
        LOG.info("Monitoring target breached: {} {} {} at {}: {} over {}", processKey, element, kind, place, measured, target);
        raised.add(processKey + " " + element + " " + kind + " " + place);
    }
    private void close(String processKey, String element, String kind, String place, Instant now) {
        jdbc.update("update monitoring_breach set closed_at = ?, open_marker = null where process_key = ?"
                + " and element_id = ? and kind = ? and place_code = ? and open_marker = 'Y'", Timestamp.from(now),
                processKey, element, kind, place);
    }

    private static String hours(long ms) {
        return String.format("%.1f", ms / 3_600_000.0);
    }
}
