package org.gongzu.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.identity.AccessBootstrap;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The department filters 即将到期 and 已超期 (docs/adr/0025), through the REST API Tasklist uses, as a
 * residents' committee user: the right tasks, most urgent first, answered by the engine (their
 * date criteria are nothing the fast path knows).
 */
@GongzuTest
class DeadlineFiltersTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired MoveInFixture moveIn;
    @Autowired FilterService filterService;
    @Autowired TasklistFastPath fastPath;

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void dueSoonListsTasksPastTheirFollowUpAndOverdueListsTasksPastTheirDueDate() throws Exception {
        // registration has 5 working days: due 13 Oct (follow-up 10 Oct), 15 Oct (follow-up 13 Oct), 8 Sep
        Task dueSoon = createdAt(LocalDateTime.of(2026, 9, 30, 10, 0));
        Task notYet = createdAt(LocalDateTime.of(2026, 10, 9, 10, 0));
        Task overdue = createdAt(LocalDateTime.of(2026, 9, 1, 10, 0));
        Task moreOverdue = createdAt(LocalDateTime.of(2026, 8, 3, 10, 0));
        at(LocalDateTime.of(2026, 10, 12, 12, 0));

        WebappSession hdrc = WebappSession.login(http, "hdrc");
        long servedBefore = fastPath.served();
        List<JsonNode> soon = list(hdrc, AccessBootstrap.FILTER_DUE_SOON);
        List<JsonNode> late = list(hdrc, AccessBootstrap.FILTER_OVERDUE);
        assertThat(fastPath.served()).isEqualTo(servedBefore);

        assertThat(ids(soon)).contains(dueSoon.getId()).doesNotContain(notYet.getId(), overdue.getId(), moreOverdue.getId());
        assertThat(ids(late)).contains(overdue.getId(), moreOverdue.getId()).doesNotContain(dueSoon.getId(), notYet.getId());
        assertThat(ids(late).indexOf(moreOverdue.getId())).isLessThan(ids(late).indexOf(overdue.getId()));
        assertThat(dues(late)).isSorted();
        JsonNode card = soon.stream().filter(t -> t.path("id").asText().equals(dueSoon.getId())).findFirst().orElseThrow();
        assertThat(OffsetDateTime.parse(card.path("due").asText(), REST_DATE).toInstant())
                .isEqualTo(dueSoon.getDueDate().toInstant());
        assertThat(card.path("followUp").isNull()).isFalse();

        // a department user of another sub-district sees none of them
        List<JsonNode> elsewhere = list(WebappSession.login(http, "cyrc"), AccessBootstrap.FILTER_OVERDUE);
        assertThat(ids(elsewhere)).doesNotContain(overdue.getId(), moreOverdue.getId());
    }

    @Test
    void theDeadlineFiltersAreLeftToTheEngineAndTheOthersKeepTheirShape() {
        assertThat(fastPath.shape(filter(AccessBootstrap.FILTER_DUE_SOON))).isNull();
        assertThat(fastPath.shape(filter(AccessBootstrap.FILTER_OVERDUE))).isNull();
        assertThat(fastPath.shape(filter(AccessBootstrap.FILTER_DEPARTMENT))).isEqualTo(TasklistFastPath.Shape.DEPARTMENT);
        assertThat(fastPath.shape(filter(AccessBootstrap.FILTER_MINE))).isEqualTo(TasklistFastPath.Shape.MINE);
    }

    private Task createdAt(LocalDateTime time) {
        // a few random seconds later: tasks of a frozen clock would share their creation time with other tests' tasks
        at(time.plusNanos(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 600_000) * 1_000_000L));
        return moveIn.registrationTaskIn(SUB_DISTRICT);
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(BEIJING).toInstant()));
    }

    private List<JsonNode> list(WebappSession session, String filterName) throws Exception {
        String body = session.postJson(WebappSession.engine("/filter/" + filter(filterName).getId()
                + "/list?firstResult=0&maxResults=2000"), TasklistFastPathTest.TASKLIST_BODY, TasklistFastPathTest.HAL).body();
        List<JsonNode> tasks = new ArrayList<>();
        JSON.readTree(body).path("_embedded").path("task").forEach(tasks::add);
        return tasks;
    }

    private static List<String> ids(List<JsonNode> tasks) {
        return tasks.stream().map(t -> t.path("id").asText()).toList();
    }

    private static List<java.time.Instant> dues(List<JsonNode> tasks) {
        return tasks.stream().map(t -> OffsetDateTime.parse(t.path("due").asText(), REST_DATE).toInstant()).toList();
    }

    private Filter filter(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }
}
