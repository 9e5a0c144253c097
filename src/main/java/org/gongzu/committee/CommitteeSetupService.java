package org.gongzu.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.committee.CommitteeSetupProcess.ElectionForm;
import org.gongzu.committee.CommitteeSetupProcess.Stage;
import org.gongzu.committee.CommitteeSetupProcess.StageForm;
import org.gongzu.committee.CommitteeSetupProcess.SupervisionForm;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.project.Milestone;
import org.gongzu.project.ProjectRepository;
import org.gongzu.validation.Fields;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a project's committee and Party organisation setup (clause 5): stage deadlines,
 * what each stage records, and the voter roll of the first residents' committee election.
 */
@Service
@Transactional
public class CommitteeSetupService {

    private final ProjectRepository projects;
    private final HouseholdRepository households;
    private final CaseJournal journal;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CommitteeSetupService(ProjectRepository projects, HouseholdRepository households, CaseJournal journal,
            JdbcTemplate jdbc, Clock clock) {
        this.projects = projects;
        this.households = households;
        this.journal = journal;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The deadline of each stage: {@code days} after the setup started, from the decision's rows
     * ({@code stage}, {@code days}). A stage without a row is a modelling error.
     */
    public Map<Stage, LocalDate> planStages(String projectId, LocalDate startedOn, List<Map<String, Object>> rows) {
        Map<Stage, LocalDate> deadlines = new java.util.LinkedHashMap<>();
        int seq = 0;
        for (Stage stage : CommitteeSetupProcess.STAGES) {
            seq++;
            Number days = rows.stream().filter(row -> stage.taskId().equals(row.get("stage")))
                    .map(row -> (Number) row.get("days")).filter(java.util.Objects::nonNull).findFirst() // rule order: a place's own row comes first
                    .orElseThrow(() -> new IllegalStateException(CommitteeSetupProcess.DEADLINE_DECISION
                            + " gives no deadline for " + stage.taskId()));
            LocalDate due = startedOn.plusDays(days.longValue());
            deadlines.put(stage, due);
            projects.planMilestone(projectId, Milestone.planned(stage.taskId(), stage.name(), seq, due));
        }
        journal.record(projectId, "COMMITTEE_SETUP_STARTED", null, "首户登记入住，社区居委会和党组织组建启动；"
                + "各阶段期限：" + deadlines.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
                .reduce((a, b) -> a + "，" + b).orElse(""));
        return deadlines;
    }

    /** A stage is done. */
    public void stageDone(String projectId, Stage stage, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        LocalDate doneOn = fields.pastDate(StageForm.DONE_ON, "完成日期");
        String note = fields.requiredNote(StageForm.NOTE, "完成情况", 2000);
        fields.check();
        projects.milestoneDone(projectId, stage.taskId(), doneOn);
        journal.record(projectId, "COMMITTEE_STAGE_DONE", userId, stage.name() + "：" + doneOn + " 完成；" + note);
    }

    /**
     * The residents' committee is elected. The voter roll is drawn, as of the election day, from the
     * adult members of the project's households registered in the community by then.
     */
    public int electionHeld(String projectId, Stage stage, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        LocalDate electionOn = fields.pastDate(ElectionForm.ELECTION_ON, "选举日期");
        Integer elected = fields.integer(ElectionForm.MEMBERS_ELECTED, "当选委员人数", 3, 15);
        String note = fields.note(ElectionForm.NOTE, "选举情况", 2000);
        List<Long> voters = electionOn == null ? List.of() : households.registeredAdults(projectId, electionOn);
        if (electionOn != null && voters.isEmpty()) {
            fields.reject(ElectionForm.ELECTION_ON, "选举日期", "当日尚无已登记入住的成年居民，无法生成选民名单");
        }
        fields.check();
        jdbc.update("delete from committee_voter where project_id = ?", projectId);
        jdbc.batchUpdate("insert into committee_voter (project_id, member_id, election_on) values (?, ?, ?)",
                voters.stream().map(id -> new Object[] {projectId, id, java.sql.Date.valueOf(electionOn)}).toList());
        projects.milestoneDone(projectId, stage.taskId(), electionOn);
        journal.record(projectId, "COMMITTEE_ELECTED", userId, stage.name() + "：" + electionOn + " 选举，选民 "
                + voters.size() + " 人，当选委员 " + elected + " 人" + (note == null ? "" : "；" + note));
        return voters.size();
    }

    /** The voters of the project's election (member ids). */
    public List<Long> voters(String projectId) {
        return jdbc.queryForList("select member_id from committee_voter where project_id = ? order by member_id",
                Long.class, projectId);
    }

    /** A stage passed its deadline: recorded, and the district civil affairs bureau supervises it. */
    public void stageLate(String projectId, Stage stage) {
        projects.milestoneLate(projectId, stage.taskId());
        journal.record(projectId, "COMMITTEE_STAGE_LATE", null, stage.name() + "：已超过期限，交区民政局督办");
    }

    public void lateStageSupervised(String projectId, String stageName, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        String measures = fields.requiredNote(SupervisionForm.MEASURES, "督办意见", 2000);
        fields.check();
        journal.record(projectId, "COMMITTEE_STAGE_SUPERVISED", userId, stageName + "：" + measures);
    }
}
