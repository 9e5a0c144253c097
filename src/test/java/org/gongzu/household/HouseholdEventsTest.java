package org.gongzu.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The household case tells the services after move-in when it is registered, once, and when its
 * members change afterwards: a new process listens, and no shared class changes for it.
 */
@GongzuTest
@RecordApplicationEvents
class HouseholdEventsTest {

    @Autowired MoveInFixture fixture;
    @Autowired TaskService taskService;
    @Autowired HouseholdRepository households;
    @Autowired ApplicationEvents events;

    @Test
    void aHouseholdIsAnnouncedOnceWhenRegisteredAndAgainWhenItsMembersChange() {
        Task police = fixture.policeStepIn(MoveInFixture.SUB_DISTRICT);
        String caseId = fixture.caseOf(police);
        assertThat(events.stream(HouseholdEvents.Registered.class)).isEmpty();

        taskService.complete(police.getId(), MoveInFixture.confirmation());
        List<HouseholdEvents.Registered> registered = events.stream(HouseholdEvents.Registered.class).toList();
        assertThat(registered).singleElement().satisfies(event -> {
            assertThat(event.household().caseId()).isEqualTo(caseId);
            assertThat(event.household().status()).isEqualTo("REGISTERED");
            assertThat(event.members()).extracting(Member::name).containsExactly("张三", "王五");
        });

        households.markRegistered(caseId, java.time.LocalDateTime.now());
        assertThat(events.stream(HouseholdEvents.Registered.class)).hasSize(1);

        List<Member> withChild = new java.util.ArrayList<>(households.members(caseId));
        withChild.add(new Member(3, "张小宝", MoveInFixture.CHILD_BEIJING, Member.Relation.CHILD, Member.Hukou.BEIJING,
                LocalDate.of(2010, 6, 1), Member.Employment.STUDENT, false));
        households.replaceMembers(caseId, withChild);
        assertThat(events.stream(HouseholdEvents.MembersChanged.class)).singleElement()
                .satisfies(event -> assertThat(event.members()).hasSize(3));
        assertThat(households.find(caseId).orElseThrow().status()).isEqualTo("REGISTERED");
    }
}
