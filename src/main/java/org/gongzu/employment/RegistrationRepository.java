package org.gongzu.employment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongzu.household.Member;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for unemployment registrations, the services given and the members' last seen employment. */
@Repository
class RegistrationRepository {

    static final String OPEN = "Y";

    /** A registration as its row holds it. */
    record Registration(long id, String caseId, String idNumber, String subDistrictCode, Member.Hukou hukou,
            LocalDate birthDate, Status status, LocalDate registeredOn, String processInstanceId, String reason,
            String otherRoute) {

        /** What the process is about, without personal data: 「成员（1988年3月生）」. */
        String memberWords() {
            return "成员（" + birthDate.getYear() + "年" + birthDate.getMonthValue() + "月生）";
        }
    }

    enum Status { CLAIMED, REGISTERED, REFUSED, EMPLOYED, ENDED }

    private static final RowMapper<Registration> REGISTRATION = (rs, i) -> new Registration(rs.getLong("id"),
            rs.getString("case_id"), rs.getString("id_number"), rs.getString("sub_district_code"),
            Member.Hukou.valueOf(rs.getString("hukou")), rs.getObject("birth_date", LocalDate.class),
            Status.valueOf(rs.getString("status")), rs.getObject("registered_on", LocalDate.class),
            rs.getString("process_instance_id"), rs.getString("reason"), rs.getString("other_route"));

    private final JdbcTemplate jdbc;

    RegistrationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the member's registration unless one is open; answers the new row's id. The unique key
     * (case, ID number, open marker) stops a second node that passed the same check at the same time.
     */
    Optional<Long> claim(String caseId, Member member, String subDistrictCode, String requestedBy, LocalDateTime now) {
        int inserted = jdbc.update("insert into unemployment_registration (case_id, id_number, sub_district_code, hukou,"
                + " birth_date, status, open_marker, requested_by, claimed_at)"
                + " select ?, ?, ?, ?, ?, 'CLAIMED', 'Y', ?, ? where not exists"
                + " (select 1 from unemployment_registration where case_id = ? and id_number = ? and open_marker = 'Y')",
                caseId, member.idNumber(), subDistrictCode, member.hukou().name(), Date.valueOf(member.birthDate()),
                requestedBy, Timestamp.valueOf(now), caseId, member.idNumber());
        return inserted == 0 ? Optional.empty() : open(caseId, member.idNumber()).map(Registration::id);
    }

    Optional<Registration> open(String caseId, String idNumber) {
        return jdbc.query("select * from unemployment_registration where case_id = ? and id_number = ?"
                + " and open_marker = 'Y'", REGISTRATION, caseId, idNumber).stream().findFirst();
    }

    Registration find(long id) {
        return jdbc.query("select * from unemployment_registration where id = ?", REGISTRATION, id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No unemployment registration " + id));
    }

    void instanceStarted(long id, String processInstanceId) {
        jdbc.update("update unemployment_registration set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    void decided(long id, String reason, String otherRoute) {
        jdbc.update("update unemployment_registration set reason = ?, other_route = ? where id = ?", reason, otherRoute, id);
    }

    void registered(long id, LocalDate registeredOn) {
        jdbc.update("update unemployment_registration set status = 'REGISTERED', registered_on = ? where id = ?"
                + " and status = 'CLAIMED'", Date.valueOf(registeredOn), id);
    }

    /** Ends the registration: refused, employed or ended, with the outcome staff read. */
    void close(long id, Status status, LocalDate closedOn, String outcome) {
        jdbc.update("update unemployment_registration set status = ?, open_marker = null, closed_on = ?, outcome = ?"
                + " where id = ?", status.name(), Date.valueOf(closedOn), outcome, id);
    }

    void servicesGiven(long id, Collection<ServiceKind> services, LocalDate givenOn, String jobOpeningId, String userId,
            LocalDateTime now) {
        jdbc.batchUpdate("insert into unemployment_service (registration_id, service, given_on, job_opening_id,"
                + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)", services.stream().map(service -> new Object[] {
                    id, service.name(), Date.valueOf(givenOn), jobOpeningId, userId, Timestamp.valueOf(now)}).toList());
    }

    /** The registered (still open) unemployed members of a sub-district, the earliest registered first. */
    List<Registration> registeredIn(String subDistrictCode) {
        return jdbc.query("select * from unemployment_registration where sub_district_code = ? and status = 'REGISTERED'"
                + " order by registered_on, id", REGISTRATION, subDistrictCode);
    }

    /** The member's employment when the household's members were last registered; empty if never seen. */
    Optional<Member.Employment> lastSeen(String caseId, String idNumber) {
        return jdbc.queryForList("select employment from unemployment_member_state where case_id = ? and id_number = ?",
                String.class, caseId, idNumber).stream().findFirst().map(Member.Employment::valueOf);
    }

    void seen(String caseId, Member member, LocalDateTime now) {
        if (jdbc.update("update unemployment_member_state set employment = ?, seen_at = ? where case_id = ?"
                + " and id_number = ?", member.employment().name(), Timestamp.valueOf(now), caseId, member.idNumber()) == 0) {
            jdbc.update("insert into unemployment_member_state (case_id, id_number, employment, seen_at)"
                    + " values (?, ?, ?, ?)", caseId, member.idNumber(), member.employment().name(), Timestamp.valueOf(now));
        }
    }
}
