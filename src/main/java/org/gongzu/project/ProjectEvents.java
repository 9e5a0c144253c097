package org.gongzu.project;

import java.time.LocalDate;
import java.util.List;

/**
 * What happens to a project that processes may start from. Published synchronously, inside the
 * transaction of the step that caused it: a process module listens with {@code @EventListener} and
 * starts its process in the same transaction, so a rolled-back step starts nothing. Shared code
 * publishes; it never knows which process listens.
 */
public final class ProjectEvents {

    /** The district housing department registered a project with its planned facilities. */
    public record Registered(Project project, List<FacilityType> facilities) {
    }

    /** The project's first household moved in (claimed once per project). */
    public record FirstMoveIn(Project project, String caseId, LocalDate movedInOn) {
    }

    /** The project's first household finished its registration in the community (claimed once per project). */
    public record FirstHouseholdRegistered(Project project, String caseId, LocalDate registeredOn) {
    }

    private ProjectEvents() {
    }
}
