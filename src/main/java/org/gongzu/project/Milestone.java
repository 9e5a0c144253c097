package org.gongzu.project;

import java.time.LocalDate;

/** A milestone of a project's case with its deadline, e.g. a stage of the committee setup (clause 5). */
public record Milestone(String code, String name, int seq, LocalDate dueOn, LocalDate doneOn, boolean late) {

    public static Milestone planned(String code, String name, int seq, LocalDate dueOn) {
        return new Milestone(code, name, seq, dueOn, null, false);
    }
}
