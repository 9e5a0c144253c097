package org.gongzu.monitoring;

/**
 * What the monitoring finds that a process acts on. Published inside the check's transaction, as
 * the case events are (docs/adr/0017); the target-breach process listens.
 */
public final class MonitoringEvents {

    /**
     * A step's figure went over its target in a district ({@code placeCode} a district, or for a
     * backlog a department's place): {@code title} names it, {@code description} gives the figures.
     */
    public record Breached(long breachId, String processKey, String elementId, String kind, String districtCode,
            String placeCode, String title, String description) {
    }

    private MonitoringEvents() {
    }
}
