package org.gongzu.allowancework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for the arrangements of allowance work, their members and the hours worked (V11__allowance_work.sql). */
@Repository
class AllowanceWorkRepository {

    /** An arrangement: one AllowanceWork process of a household's case. */
    record Work(long id, String caseId, String subDistrictCode, String processInstanceId, WorkKind kind,
            LocalDate startOn, LocalDateTime endedAt) {
    }

    /** A member an arrangement names. */
    record ArrangedMember(int seq, String name, String idNumber) {
    }

    /** An entry of hours worked. */
    record Hours(long id, long workId, String caseId, String districtCode, String subDistrictCode, int memberSeq,
            String memberName, String idNumber, WorkKind kind, LocalDateTime startedAt, LocalDateTime endedAt,
            String note, String state, String returnReason) {
    }

    static final String RECORDED = "RECORDED";
    static final String CONFIRMED = "CONFIRMED";
    static final String RETURNED = "RETURNED";

    private static final RowMapper<Work> WORK = (rs, i) -> new Work(rs.getLong("id"), rs.getString("case_id"),
            rs.getString("sub_district_code"), rs.getString("process_instance_id"),
            rs.getString("work_kind") == null ? null : WorkKind.valueOf(rs.getString("work_kind")),
            rs.getObject("start_on", LocalDate.class), rs.getObject("ended_at", LocalDateTime.class));

    private static final RowMapper<Hours> HOURS = (rs, i) -> new Hours(rs.getLong("id"), rs.getLong("work_id"),
            rs.getString("case_id"), rs.getString("district_code"), rs.getString("sub_district_code"),
            rs.getInt("member_seq"), rs.getString("member_name"), rs.getString("id_number"),
            WorkKind.valueOf(rs.getString("work_kind")), rs.getObject("started_at", LocalDateTime.class),
            rs.getObject("ended_at", LocalDateTime.class), rs.getString("note"), rs.getString("state"),
            rs.getString("return_reason"));

    private final JdbcTemplate jdbc;

    AllowanceWorkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the household's open arrangement; answers its id, or empty if one is open already. The
     * unique open_case_id stops a second node that claims at the same moment.
     */
    Optional<Long> claim(String caseId, String subDistrictCode, LocalDateTime now) {
        int claimed = jdbc.update("insert into allowance_work (case_id, sub_district_code, open_case_id, started_at)"
                + " select ?, ?, ?, ? where not exists (select 1 from allowance_work where open_case_id = ?)",
                caseId, subDistrictCode, caseId, Timestamp.valueOf(now), caseId);
        return claimed == 1 ? open(caseId).map(Work::id) : Optional.empty();
    }

    void started(long id, String processInstanceId) {
        jdbc.update("update allowance_work set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    Optional<Work> open(String caseId) {
        return jdbc.query("select * from allowance_work where open_case_id = ?", WORK, caseId).stream().findFirst();
    }

    Work find(long id) {
        return jdbc.queryForObject("select * from allowance_work where id = ?", WORK, id);
    }

    void arranged(long id, WorkKind kind, String scheduleNote, LocalDate startOn, String userId, LocalDateTime now,
            List<ArrangedMember> members) {
        jdbc.update("update allowance_work set work_kind = ?, schedule_note = ?, start_on = ?, arranged_by = ?,"
                + " arranged_at = ? where id = ?", kind.name(), scheduleNote, Date.valueOf(startOn), userId,
                Timestamp.valueOf(now), id);
        jdbc.update("delete from allowance_work_member where work_id = ?", id);
        jdbc.batchUpdate("insert into allowance_work_member (work_id, member_seq, name, id_number) values (?, ?, ?, ?)",
                members.stream().map(m -> new Object[] {id, m.seq(), m.name(), m.idNumber()}).toList());
    }

    List<ArrangedMember> members(long workId) {
        return jdbc.query("select member_seq, name, id_number from allowance_work_member where work_id = ?"
                + " order by member_seq", (rs, i) -> new ArrangedMember(rs.getInt(1), rs.getString(2), rs.getString(3)),
                workId);
    }

    void addHours(Hours h, String userId, LocalDateTime now) {
        jdbc.update("insert into allowance_work_hours (work_id, case_id, district_code, sub_district_code, member_seq,"
                + " member_name, id_number, work_kind, started_at, ended_at, note, state, recorded_by, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", h.workId(), h.caseId(), h.districtCode(),
                h.subDistrictCode(), h.memberSeq(), h.memberName(), h.idNumber(), h.kind().name(),
                Timestamp.valueOf(h.startedAt()), Timestamp.valueOf(h.endedAt()), h.note(), RECORDED, userId,
                Timestamp.valueOf(now));
    }

    /** The person's entries that count or may count (recorded or confirmed) overlapping the period. */
    List<Hours> overlapping(String idNumber, LocalDateTime from, LocalDateTime to) {
        return jdbc.query("select * from allowance_work_hours where id_number = ? and state in (?, ?)"
                + " and started_at < ? and ended_at > ? order by started_at", HOURS, idNumber, RECORDED, CONFIRMED,
                Timestamp.valueOf(to), Timestamp.valueOf(from));
    }

    /** The entries of an arrangement in one state, oldest first. */
    List<Hours> hours(long workId, String state) {
        return jdbc.query("select * from allowance_work_hours where work_id = ? and state = ? order by id", HOURS,
                workId, state);
    }

    Optional<Hours> lastHours(long workId) {
        return jdbc.query("select * from allowance_work_hours where work_id = ? order by id desc", HOURS, workId)
                .stream().findFirst();
    }

    void confirm(long hoursId, String userId, LocalDateTime now) {
        jdbc.update("update allowance_work_hours set state = ?, confirmed_by = ?, confirmed_at = ? where id = ?"
                + " and state = ?", CONFIRMED, userId, Timestamp.valueOf(now), hoursId, RECORDED);
    }

    void returnHours(long hoursId, String reason, String userId, LocalDateTime now) {
        jdbc.update("update allowance_work_hours set state = ?, returned_by = ?, returned_at = ?, return_reason = ?"
                + " where id = ? and state = ?", RETURNED, userId, Timestamp.valueOf(now), reason, hoursId, RECORDED);
    }

    /** The arrangement is over: the household may have a new one later. */
    void closed(long id, String outcome, LocalDateTime now) {
        jdbc.update("update allowance_work set open_case_id = null, ended_at = ?, outcome = ? where id = ?"
                + " and ended_at is null", Timestamp.valueOf(now), outcome, id);
    }

    /**
     * Confirmed entries that overlap [from, to) in these districts or sub-districts, or in all when
     * {@code everywhere}.
     */
    List<Hours> confirmedBetween(LocalDateTime from, LocalDateTime to, boolean everywhere,
            Collection<String> districts, Collection<String> subDistricts) {
        StringBuilder sql = new StringBuilder("select * from allowance_work_hours where state = ? and started_at < ?"
                + " and ended_at > ?");
        List<Object> args = new ArrayList<>(List.of(CONFIRMED, Timestamp.valueOf(to), Timestamp.valueOf(from)));
        if (!everywhere) {
            if (districts.isEmpty() && subDistricts.isEmpty()) {
                return List.of();
            }
            List<String> places = new ArrayList<>();
            if (!districts.isEmpty()) {
                places.add("district_code in (" + marks(districts.size()) + ")");
                args.addAll(districts);
            }
            if (!subDistricts.isEmpty()) {
                places.add("sub_district_code in (" + marks(subDistricts.size()) + ")");
                args.addAll(subDistricts);
            }
            sql.append(" and (").append(String.join(" or ", places)).append(")");
        }
        sql.append(" order by sub_district_code, case_id, member_seq, started_at");
        return jdbc.query(sql.toString(), HOURS, args.toArray());
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
