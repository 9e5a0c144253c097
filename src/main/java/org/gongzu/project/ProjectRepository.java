package org.gongzu.project;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for projects, their facilities and milestones. */
@Repository
public class ProjectRepository {

    private static final RowMapper<Project> PROJECT = (rs, i) -> new Project(rs.getString("id"), rs.getString("name"),
            rs.getString("sub_district_code"), rs.getString("owner_name"), (Integer) rs.getObject("units"),
            rs.getObject("planned_move_in_on", LocalDate.class), rs.getString("first_move_in_case_id"),
            rs.getObject("first_moved_in_on", LocalDate.class), rs.getString("first_registered_case_id"),
            rs.getObject("first_registered_on", LocalDate.class));

    private static final RowMapper<ProjectFacility> FACILITY = (rs, i) -> new ProjectFacility(
            FacilityType.valueOf(rs.getString("facility_type")), rs.getString("receiving_department"),
            (Boolean) rs.getObject("required_at_move_in"), ProjectFacility.Status.valueOf(rs.getString("status")),
            rs.getObject("prepared_on", LocalDate.class), rs.getObject("accepted_on", LocalDate.class),
            rs.getObject("in_use_on", LocalDate.class), rs.getString("defects"), rs.getBoolean("late"));

    private static final RowMapper<Milestone> MILESTONE = (rs, i) -> new Milestone(rs.getString("code"),
            rs.getString("name"), rs.getInt("seq"), rs.getObject("due_on", LocalDate.class),
            rs.getObject("done_on", LocalDate.class), rs.getBoolean("late"));

    private final JdbcTemplate jdbc;

    ProjectRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Project> find(String id) {
        return jdbc.query("select * from housing_project where id = ?", PROJECT, id).stream().findFirst();
    }

    boolean exists(String id) {
        return jdbc.queryForObject("select count(*) from housing_project where id = ?", Integer.class, id) > 0;
    }

    void insert(Project p, List<FacilityType> facilities, String userId, LocalDateTime now) {
        jdbc.update("insert into housing_project (id, name, sub_district_code, owner_name, units, planned_move_in_on,"
                + " registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?)", p.id(), p.name(),
                p.subDistrictCode(), p.ownerName(), p.units(), date(p.plannedMoveInOn()), userId, Timestamp.valueOf(now));
        jdbc.batchUpdate("insert into project_facility (project_id, facility_type, status, updated_at)"
                + " values (?, ?, 'PLANNED', ?)", facilities.stream()
                .map(f -> new Object[] {p.id(), f.name(), Timestamp.valueOf(now)}).toList());
    }

    /**
     * Marks the case as the project's first move-in unless another case already is; true if this one
     * is. The update locks the project's row: of two households moving in at once, on one node or
     * two, the second waits for the first to commit and then finds the mark set.
     */
    boolean claimFirstMoveIn(String projectId, String caseId, LocalDate movedInOn) {
        // the case that holds the claim keeps it when its move-in is confirmed again (sent back, 退回)
        return jdbc.update("update housing_project set first_move_in_case_id = ?, first_moved_in_on = ? where id = ?"
                + " and (first_move_in_case_id is null or first_move_in_case_id = ?)", caseId, date(movedInOn), projectId,
                caseId) == 1;
    }

    /** As {@link #claimFirstMoveIn}, for the first household registered in the community. */
    boolean claimFirstRegistration(String projectId, String caseId, LocalDate registeredOn) {
        return jdbc.update("update housing_project set first_registered_case_id = ?, first_registered_on = ?"
                + " where id = ? and first_registered_case_id is null", caseId, date(registeredOn), projectId) == 1;
    }

    public List<ProjectFacility> facilities(String projectId) {
        return jdbc.query("select * from project_facility where project_id = ? order by facility_type", FACILITY,
                projectId);
    }

    public Optional<ProjectFacility> facility(String projectId, FacilityType type) {
        return jdbc.query("select * from project_facility where project_id = ? and facility_type = ?", FACILITY,
                projectId, type.name()).stream().findFirst();
    }

    public void facilityReceiver(String projectId, FacilityType type, String department, boolean requiredAtMoveIn,
            LocalDateTime now) {
        jdbc.update("update project_facility set receiving_department = ?, required_at_move_in = ?, updated_at = ?"
                + " where project_id = ? and facility_type = ?", department, requiredAtMoveIn, Timestamp.valueOf(now),
                projectId, type.name());
    }

    public void facilityPrepared(String projectId, FacilityType type, LocalDate preparedOn, LocalDateTime now) {
        jdbc.update("update project_facility set status = 'PREPARED', prepared_on = ?, updated_at = ?"
                + " where project_id = ? and facility_type = ?", date(preparedOn), Timestamp.valueOf(now), projectId,
                type.name());
    }

    public void facilityInspected(String projectId, FacilityType type, boolean accepted, LocalDate inspectedOn,
            String defects, LocalDateTime now) {
        jdbc.update("update project_facility set status = ?, accepted_on = ?, defects = ?, updated_at = ?"
                + " where project_id = ? and facility_type = ?", accepted ? "ACCEPTED" : "DEFECTS",
                accepted ? date(inspectedOn) : null, defects, Timestamp.valueOf(now), projectId, type.name());
    }

    public void facilityInUse(String projectId, FacilityType type, LocalDate inUseOn, LocalDateTime now) {
        jdbc.update("update project_facility set status = 'IN_USE', in_use_on = ?, updated_at = ?"
                + " where project_id = ? and facility_type = ?", date(inUseOn), Timestamp.valueOf(now), projectId,
                type.name());
    }

    public void facilityLate(String projectId, FacilityType type, LocalDateTime now) {
        jdbc.update("update project_facility set late = true, updated_at = ? where project_id = ? and facility_type = ?",
                Timestamp.valueOf(now), projectId, type.name());
    }

    public List<Milestone> milestones(String projectId) {
        return jdbc.query("select * from project_milestone where project_id = ? order by seq", MILESTONE, projectId);
    }

    /** Adds a milestone, or changes the name, order and deadline of one planned before. */
    public void planMilestone(String projectId, Milestone milestone) {
        if (jdbc.update("update project_milestone set name = ?, seq = ?, due_on = ? where project_id = ? and code = ?",
                milestone.name(), milestone.seq(), date(milestone.dueOn()), projectId, milestone.code()) == 0) {
            jdbc.update("insert into project_milestone (project_id, code, name, seq, due_on) values (?, ?, ?, ?, ?)",
                    projectId, milestone.code(), milestone.name(), milestone.seq(), date(milestone.dueOn()));
        }
    }

    public void milestoneDone(String projectId, String code, LocalDate doneOn) {
        jdbc.update("update project_milestone set done_on = ? where project_id = ? and code = ?", date(doneOn),
                projectId, code);
    }

    public void milestoneLate(String projectId, String code) {
        jdbc.update("update project_milestone set late = true where project_id = ? and code = ?", projectId, code);
    }


    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
