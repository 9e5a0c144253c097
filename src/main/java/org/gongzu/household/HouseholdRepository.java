package org.gongzu.household;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * SQL for households and their members: the household case, shared by every process that serves a
 * household (move-in, and the services that follow it).
 */
@Repository
public class HouseholdRepository {

    private static final RowMapper<Household> HOUSEHOLD = (rs, i) -> new Household(rs.getString("case_id"),
            rs.getString("project_id"), rs.getString("unit_no"), rs.getString("lease_no"),
            rs.getObject("lease_signed_on", LocalDate.class), rs.getString("head_name"),
            rs.getString("head_id_number"), rs.getString("sub_district_code"),
            rs.getString("status"), rs.getObject("moved_in_on", LocalDate.class),
            (Boolean) rs.getObject("first_in_project"));

    private static final RowMapper<Member> MEMBER = (rs, i) -> new Member(rs.getInt("seq"), rs.getString("name"),
            rs.getString("id_number"), Member.Relation.valueOf(rs.getString("relation")),
            Member.Hukou.valueOf(rs.getString("hukou")), rs.getObject("birth_date", LocalDate.class),
            Member.Employment.valueOf(rs.getString("employment")), rs.getBoolean("min_living_allowance"));

    private final JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    HouseholdRepository(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public boolean leaseExists(String leaseNo) {
        return !jdbc.queryForList("select case_id from household where lease_no = ?", String.class, leaseNo).isEmpty();
    }

    public long nextCaseNumber() {
        return jdbc.queryForObject("select nextval('household_case_seq')", Long.class);
    }

    public void insert(Household h, LocalDateTime now) {
        jdbc.update("insert into household (case_id, project_id, unit_no, lease_no, lease_signed_on, head_name,"
                + " head_id_number, sub_district_code, status, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                h.caseId(), h.projectId(), h.unitNo(), h.leaseNo(), Date.valueOf(h.leaseSignedOn()), h.headName(),
                h.headIdNumber(), h.subDistrictCode(), h.status(), Timestamp.valueOf(now));
    }

    public Optional<Household> find(String caseId) {
        return jdbc.query("select * from household where case_id = ?", HOUSEHOLD, caseId).stream().findFirst();
    }

    public void recordMoveIn(String caseId, LocalDate movedInOn, boolean firstInProject) {
        jdbc.update("update household set status = 'MOVED_IN', moved_in_on = ?, keys_handed_over = true,"
                + " first_in_project = ? where case_id = ?", Date.valueOf(movedInOn), firstInProject, caseId);
    }

    public void replaceMembers(String caseId, List<Member> members) {
        jdbc.update("delete from household_member where case_id = ?", caseId);
        jdbc.batchUpdate("insert into household_member (case_id, seq, name, id_number, relation, hukou, birth_date,"
                + " employment, min_living_allowance, population_register) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                members.stream().map(m -> new Object[] {caseId, m.seq(), m.name(), m.idNumber(), m.relation().name(),
                    m.hukou().name(), Date.valueOf(m.birthDate()), m.employment().name(), m.minLivingAllowance(),
                    m.populationRegister()}).toList());
        if (jdbc.update("update household set status = 'MEMBERS_REGISTERED' where case_id = ?"
                + " and status <> 'REGISTERED'", caseId) == 0) {
            // a registered household's members corrected: the services that follow are told
            events.publishEvent(new HouseholdEvents.MembersChanged(find(caseId).orElseThrow(), members(caseId)));
        }
    }

    public List<Member> members(String caseId) {
        return jdbc.query("select * from household_member where case_id = ? order by seq", MEMBER, caseId);
    }

    public void confirmPopulationRegister(String caseId, String register, LocalDateTime now) {
        jdbc.update("update household_member set police_confirmed_at = ? where case_id = ? and population_register = ?",
                Timestamp.valueOf(now), caseId, register);
    }

    /** The facility check of the move-in process's earlier versions (by facility name), before facilities had handovers. */
    public void recordFacilities(String caseId, Map<String, Boolean> inUse, LocalDateTime now) {
        jdbc.update("delete from facility_check where case_id = ?", caseId);
        jdbc.batchUpdate("insert into facility_check (case_id, facility, in_use, checked_at) values (?, ?, ?, ?)",
                inUse.entrySet().stream().map(e -> new Object[] {caseId, e.getKey(), e.getValue(),
                    Timestamp.valueOf(now)}).toList());
    }


    /** The household is registered in the community; the services that follow it are told, once. */
    public void markRegistered(String caseId, LocalDateTime now) {
        if (jdbc.update("update household set status = 'REGISTERED', registered_at = ? where case_id = ?"
                + " and status <> 'REGISTERED'", Timestamp.valueOf(now), caseId) == 1) {
            events.publishEvent(new HouseholdEvents.Registered(find(caseId).orElseThrow(), members(caseId)));
        }
    }

    /** A project's households, newest first: what its case view lists (no personal data). */
    public List<Map<String, Object>> ofProject(String projectId) {
        return jdbc.queryForList("select case_id, unit_no, status, moved_in_on, registered_at from household"
                + " where project_id = ? order by created_at desc, case_id desc", projectId);
    }

    /**
     * The members of a project's households who are adults on {@code day} and whose household was
     * registered in the community by the end of that day: the voters of a residents' committee
     * election (clause 5). Answers member ids.
     */
    public List<Long> registeredAdults(String projectId, LocalDate day) {
        return jdbc.queryForList("select m.id from household_member m join household h on h.case_id = m.case_id"
                + " where h.project_id = ? and h.status = 'REGISTERED' and h.registered_at < ? and m.birth_date <= ?"
                + " order by m.id", Long.class, projectId, Timestamp.valueOf(day.plusDays(1).atStartOfDay()),
                Date.valueOf(day.minusYears(18)));
    }
}
