package org.gongzu.household;

import java.util.List;

/**
 * What happens to a household's case that the services after move-in start from (school places,
 * unemployment registration, allowance work). Published synchronously inside the transaction of the
 * step that caused it, as {@code ProjectEvents} are (docs/adr/0017): a process module listens with
 * {@code @EventListener} and starts or updates its own processes, keyed by the case's own ids.
 */
public final class HouseholdEvents {

    /** The household is registered in the community with these members: its move-in is complete. */
    public record Registered(Household household, List<Member> members) {
    }

    /** The members of a household were registered again (a correction, a new child). */
    public record MembersChanged(Household household, List<Member> members) {
    }

    private HouseholdEvents() {
    }
}
