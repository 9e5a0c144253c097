package org.gongzu.schoolenrollment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.household.Household;
import org.gongzu.household.Member;
import org.gongzu.project.FacilityType;
import org.gongzu.project.ProjectRepository;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.ApplicationForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.AssignmentForm;
import org.gongzu.schoolenrollment.SchoolEnrollmentProcess.PlaceForm;
import org.gongzu.validation.Fields;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a child's school or kindergarten enrollment (clause 9): which children get one for
 * which school year (once per child and year), what each department records, and the outcome on
 * the household's case. Who is covered, and at which level, is processes/SchoolEnrollmentEligibility.dmn.
 */
@Service
@Transactional
public class SchoolEnrollmentService {

    /** The levels of clause 9: kindergarten and the two stages of compulsory education. */
    public enum Level {
        KINDERGARTEN("幼儿园", FacilityType.KINDERGARTEN),
        PRIMARY("小学", FacilityType.PRIMARY_SCHOOL),
        JUNIOR_SECONDARY("初中", null);

        private final String chineseName;
        private final FacilityType plannedFacility;

        Level(String chineseName, FacilityType plannedFacility) {
            this.chineseName = chineseName;
            this.plannedFacility = plannedFacility;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** A child whose enrollment for a school year was claimed: the process may start for it. */
    public record Opening(long enrollmentId, Household household, int schoolYear, String hukou, int age, String subject) {
    }

    /** A child of a registered household, as the yearly opening sees it. */
    public record Child(Household household, Member member) {
    }

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final int ADULT = 18;

    private final JdbcTemplate jdbc;
    private final CaseJournal journal;
    private final ProjectRepository projects;
    private final SchoolCalendar calendar;
    private final Clock clock;

    SchoolEnrollmentService(JdbcTemplate jdbc, CaseJournal journal, ProjectRepository projects, SchoolCalendar calendar,
            Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.projects = projects;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The household's children not yet of age on the cut-off day of the school year open on {@code day}:
     * each gets an enrollment for that year unless it has one. Not covered children get one too, which
     * records why (never a silent skip).
     */
    public List<Opening> openForHousehold(Household household, List<Member> members, LocalDate day) {
        int year = calendar.schoolYearOn(day);
        List<Opening> opened = new ArrayList<>();
        for (Member member : members) {
            // a baby born after the cut-off day counts as none: recorded as not yet of age, like a toddler
            int age = member.birthDate() == null ? ADULT : Math.max(0, calendar.ageOn(member.birthDate(), year));
            if (isChild(member) && age < ADULT) {
                claim(household, member, year, age).ifPresent(opened::add);
            }
        }
        return opened;
    }

    /** The children of every registered household, for the yearly opening of {@code schoolYear}. */
    public List<Child> childrenOfRegisteredHouseholds(int schoolYear) {
        LocalDate oldest = calendar.cutOffOf(schoolYear).minusYears(ADULT);
        List<Child> children = new ArrayList<>();
        jdbc.query("select h.case_id, h.project_id, h.unit_no, h.lease_no, h.lease_signed_on, h.sub_district_code,"
                + " h.status, m.seq, m.name, m.id_number, m.relation, m.hukou, m.birth_date, m.employment,"
                + " m.min_living_allowance from household h join household_member m on m.case_id = h.case_id"
                + " where h.status = 'REGISTERED' and m.birth_date > ? and m.relation not in ('HEAD', 'SPOUSE')"
                + " order by h.case_id, m.seq", rs -> {
                    Household h = new Household(rs.getString("case_id"), rs.getString("project_id"),
                            rs.getString("unit_no"), rs.getString("lease_no"),
                            rs.getObject("lease_signed_on", LocalDate.class), null, null,
                            rs.getString("sub_district_code"), rs.getString("status"), null, null);
                    children.add(new Child(h, new Member(rs.getInt("seq"), rs.getString("name"),
                            rs.getString("id_number"), Member.Relation.valueOf(rs.getString("relation")),
                            Member.Hukou.valueOf(rs.getString("hukou")), rs.getObject("birth_date", LocalDate.class),
                            Member.Employment.valueOf(rs.getString("employment")),
                            rs.getBoolean("min_living_allowance"))));
                }, java.sql.Date.valueOf(oldest));
        return children;
    }

    /** The school year whose enrollments are open on a day. */
    public int calendarYear(LocalDate day) {
        return calendar.schoolYearOn(day);
    }

    public int ageOn(Member child, int schoolYear) {
        return calendar.ageOn(child.birthDate(), schoolYear);
    }

    /**
     * Whether a child covered at {@code level} in a new school year needs an enrollment: one whose
     * last enrollment placed it at another level, or who was never covered (a toddler now three, a
     * child now of Beijing hukou).
     */
    public boolean needsEnrollment(String childIdNumber, Level level) {
        List<String> levels = jdbc.queryForList("select level from school_enrollment where child_id_number = ?"
                + " and covered = true and status <> 'REFUSED' and status <> 'DECLINED' order by school_year desc",
                String.class, childIdNumber);
        return levels.isEmpty() || !level.name().equals(levels.get(0));
    }

    /** Claims the child's enrollment for the year: empty when it has one already (here or on another node). */
    public Optional<Opening> claim(Household household, Member child, int schoolYear, int age) {
        LocalDateTime now = LocalDateTime.now(clock);
        int claimed = jdbc.update("insert into school_enrollment (case_id, child_id_number, school_year, status,"
                + " opened_at, updated_at) select ?, ?, ?, 'OPENED', ?, ? where not exists (select 1 from"
                + " school_enrollment where child_id_number = ? and school_year = ?)", household.caseId(),
                child.idNumber(), schoolYear, Timestamp.valueOf(now), Timestamp.valueOf(now), child.idNumber(),
                schoolYear);
        if (claimed == 0) {
            return Optional.empty();
        }
        long id = jdbc.queryForObject("select id from school_enrollment where child_id_number = ? and school_year = ?",
                Long.class, child.idNumber(), schoolYear);
        String subject = (child.relation() == Member.Relation.CHILD ? "子女" : "家庭成员") + "（"
                + child.birthDate().getYear() + "年" + child.birthDate().getMonthValue() + "月生）" + schoolYear + "学年";
        return Optional.of(new Opening(id, household, schoolYear, child.hukou().name(), age, subject));
    }

    public void started(long enrollmentId, String processInstanceId) {
        jdbc.update("update school_enrollment set process_instance_id = ? where id = ?", processInstanceId, enrollmentId);
    }

    /** The decision's result is kept on the enrollment; answers the level, empty when not covered. */
    public Optional<Level> decided(long enrollmentId, Map<String, Object> result) {
        boolean covered = Boolean.TRUE.equals(result.get("covered"));
        Level level = covered ? Level.valueOf((String) result.get("level")) : null;
        String outcome = covered ? null : "不属于第九条就近登记入学范围：" + result.get("reason") + "；可" + result.get("otherRoute");
        jdbc.update("update school_enrollment set covered = ?, level = ?, status = ?, outcome = ?, updated_at = ?"
                + " where id = ?", covered, level == null ? null : level.name(), covered ? "OPENED" : "NOT_COVERED",
                outcome, now(), enrollmentId);
        return Optional.ofNullable(level);
    }

    /** A child the clause does not cover: recorded on the household's case, with the other route. */
    public String notCovered(long enrollmentId) {
        Row row = row(enrollmentId);
        journal.record(row.caseId, "SCHOOL_NOT_COVERED", null, row.schoolYear + "学年入学：" + row.outcome);
        return row.outcome;
    }

    /** The residents' committee saw the family's application: answers whether the family applies. */
    public boolean applicationConfirmed(long enrollmentId, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        ApplicationForm.Decision decision = fields.choice(ApplicationForm.DECISION, "家长是否申请", ApplicationForm.Decision.class);
        boolean applies = decision == ApplicationForm.Decision.APPLIES;
        String guardian = null;
        String phone = null;
        if (applies) {
            fields.confirmed(ApplicationForm.LEASE_SEEN, "已查验《北京市公共租赁住房租赁合同》");
            fields.confirmed(ApplicationForm.REGISTER_SEEN, "已查验户口簿");
            guardian = fields.text(ApplicationForm.GUARDIAN_NAME, "监护人姓名", 50);
            phone = fields.text(ApplicationForm.GUARDIAN_PHONE, "监护人手机号码", 11);
            if (phone != null && !MOBILE.matcher(phone).matches()) {
                fields.reject(ApplicationForm.GUARDIAN_PHONE, "监护人手机号码", "应为11位手机号码");
            }
        }
        String note = applies ? fields.note(ApplicationForm.NOTE, "说明", 500)
                : fields.requiredNote(ApplicationForm.NOTE, "说明", 500);
        fields.check();
        Row row = row(enrollmentId);
        jdbc.update("update school_enrollment set status = ?, guardian_name = ?, guardian_phone = ?, updated_at = ?"
                + " where id = ?", applies ? "APPLIED" : "DECLINED", guardian, phone, now(), enrollmentId);
        journal.record(row.caseId, applies ? "SCHOOL_APPLIED" : "SCHOOL_DECLINED", userId, row.schoolYear + "学年"
                + row.levelName() + (applies ? "入学申请：已查验租赁合同和户口簿，材料齐全" : "入学：家长不申请") + (note == null ? "" : "；" + note));
        return applies;
    }

    /** The project's planned school or kindergarten of the child's level, which the commission assigns first. */
    public String plannedSchool(String projectId, Level level) {
        if (level.plannedFacility == null || projectId == null) {
            return "本项目未规划配建" + level.chineseName();
        }
        return projects.find(projectId).flatMap(p -> projects.facility(p.id(), level.plannedFacility)
                .map(f -> p.name() + "配建" + level.plannedFacility.chineseName() + "（" + f.status().chineseName() + "）"))
                .orElse("本项目未规划配建" + level.chineseName());
    }

    /** The district education commission verified the application: answers whether it assigned a place. */
    public boolean schoolAssigned(long enrollmentId, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        AssignmentForm.Result result = fields.choice(AssignmentForm.RESULT, "核验结论", AssignmentForm.Result.class);
        boolean verified = result == AssignmentForm.Result.VERIFIED;
        String school = verified ? fields.text(AssignmentForm.SCHOOL_NAME, "安排的学校（幼儿园）", 100) : null;
        String reason = verified ? fields.note(AssignmentForm.REASON, "说明", 500)
                : fields.requiredNote(AssignmentForm.REASON, "不予安排的原因", 500);
        fields.check();
        Row row = row(enrollmentId);
        String outcome = verified ? null : "区教委核验未通过：" + reason;
        jdbc.update("update school_enrollment set status = ?, school_name = ?, outcome = ?, updated_at = ? where id = ?",
                verified ? "ASSIGNED" : "REFUSED", school, outcome, now(), enrollmentId);
        journal.record(row.caseId, verified ? "SCHOOL_ASSIGNED" : "SCHOOL_REFUSED", userId, row.schoolYear + "学年"
                + row.levelName() + (verified ? "：区教委核验通过，安排就近入学 " + school : "：" + outcome)
                + (verified && reason != null ? "；" + reason : ""));
        return verified;
    }

    /** The school confirmed the place, or has none (the commission assigns another). */
    public boolean placeConfirmed(long enrollmentId, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, LocalDate.now(clock));
        PlaceForm.Result result = fields.choice(PlaceForm.RESULT, "学位确认结果", PlaceForm.Result.class);
        boolean confirmed = result == PlaceForm.Result.CONFIRMED;
        String note = confirmed ? fields.note(PlaceForm.NOTE, "说明", 500) : fields.requiredNote(PlaceForm.NOTE, "说明", 500);
        fields.check();
        Row row = row(enrollmentId);
        String outcome = confirmed ? "已入学：" + row.schoolName + "（" + row.schoolYear + "学年" + row.levelName() + "）" : null;
        jdbc.update("update school_enrollment set status = ?, outcome = ?, updated_at = ? where id = ?",
                confirmed ? "ENROLLED" : "APPLIED", outcome, now(), enrollmentId);
        journal.record(row.caseId, confirmed ? "SCHOOL_ENROLLED" : "SCHOOL_NO_PLACE", userId, confirmed
                ? outcome + (note == null ? "" : "；" + note)
                : row.schoolName + " 无法接收，退回区教委另行安排：" + note);
        return confirmed;
    }

    /** How the enrollment ended, in the words recorded on the household's case. */
    public String outcome(long enrollmentId) {
        Row row = row(enrollmentId);
        return switch (row.status) {
            case "DECLINED" -> "家长未申请" + row.schoolYear + "学年" + row.levelName() + "入学";
            default -> row.outcome;
        };
    }

    /** What the school needs of the child and the guardian to take the child in. */
    public Map<String, Object> forSchool(long enrollmentId) {
        return jdbc.queryForMap("select m.name as child_name, m.id_number as child_id_number, m.birth_date,"
                + " e.guardian_name, e.guardian_phone, e.school_name from school_enrollment e join household_member m"
                + " on m.case_id = e.case_id and m.id_number = e.child_id_number where e.id = ?", enrollmentId);
    }

    /** An enrollment as its steps read it. */
    public record Row(String caseId, int schoolYear, String level, String status, String schoolName, String outcome) {

        String levelName() {
            return level == null ? "" : Level.valueOf(level).chineseName();
        }
    }

    public Row row(long enrollmentId) {
        return jdbc.queryForObject("select case_id, school_year, level, status, school_name, outcome from"
                + " school_enrollment where id = ?", (rs, i) -> new Row(rs.getString("case_id"),
                        rs.getInt("school_year"), rs.getString("level"), rs.getString("status"),
                        rs.getString("school_name"), rs.getString("outcome")), enrollmentId);
    }

    private static boolean isChild(Member member) {
        return member.relation() != Member.Relation.HEAD && member.relation() != Member.Relation.SPOUSE;
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }
}
