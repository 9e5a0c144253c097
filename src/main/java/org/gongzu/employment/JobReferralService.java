package org.gongzu.employment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.employment.JobReferralProcess.OpeningFields;
import org.gongzu.employment.JobReferralProcess.RecommendationForm;
import org.gongzu.employment.RegistrationRepository.Registration;
import org.gongzu.employment.RegistrationRepository.Status;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.gongzu.validation.FieldError;
import org.gongzu.validation.Fields;
import org.gongzu.validation.IdNumber;
import org.gongzu.validation.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of community job referral (clause 7 paragraph 3): who may post a job opening, the
 * numbered list of the sub-district's registered unemployed tenants that staff recommend from
 * first, and what a recommendation records on each registration.
 */
@Service
@Transactional
public class JobReferralService {

    private final JdbcTemplate jdbc;
    private final RegistrationRepository registrations;
    private final HouseholdRepository households;
    private final PlaceRepository places;
    private final CaseJournal journal;
    private final Clock clock;

    JobReferralService(JdbcTemplate jdbc, RegistrationRepository registrations, HouseholdRepository households,
            PlaceRepository places, CaseJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.households = households;
        this.places = places;
        this.journal = journal;
        this.clock = clock;
    }

    /** A job opening as posted, before it has an id. */
    public record Draft(String subDistrictCode, String employer, String title, int positions, String requirements) {
    }

    /** A posted job opening. */
    public record Opening(String id, String subDistrictCode, String employer, String title, int positions,
            String requirements) {

        public String districtCode() {
            return Place.districtOf(subDistrictCode);
        }

        /** What its process is about: 「社区招聘：某物业公司 保洁员 2人」. */
        public String subject() {
            return "社区招聘：" + employer + " " + title + " " + positions + "人";
        }

        String words() {
            return employer + "「" + title + "」（" + id + "）";
        }
    }

    /** A registration recommended for the opening, and its process. */
    public record Referral(long registrationId, String processInstanceId) {
    }

    /** What the recommendation recorded, and the process outcome. */
    public record Recommendation(List<Referral> referrals, String outcome) {
    }

    /** The recommendation task's texts: the opening, and the numbered candidates (personal data). */
    public record Candidates(String opening, String list) {
    }

    /** Whether one of the caller's groups is a property owner or social security office of {@code subDistrictCode} (any, if null). */
    public static boolean mayPost(Collection<String> groups, String subDistrictCode) {
        if (groups == null) {
            return false;
        }
        if (groups.contains(Roles.ADMIN)) {
            return true;
        }
        return groups.stream().anyMatch(group -> subDistrictCode == null
                ? group.startsWith(Department.OWNER.code() + "-") || group.startsWith(Department.SOCIAL_SECURITY_OFFICE.code() + "-")
                : group.equals(Department.OWNER.groupId(subDistrictCode))
                        || group.equals(Department.SOCIAL_SECURITY_OFFICE.groupId(subDistrictCode)));
    }

    /** A posted job opening's fields, each checked; anything else in the body is refused, named. */
    public Draft checked(Map<String, ?> body) {
        List<FieldError> foreign = new ArrayList<>();
        for (Map.Entry<String, ?> field : body.entrySet()) {
            if (!OpeningFields.ALL.contains(field.getKey())) {
                foreign.add(new FieldError(field.getKey(), "提交的内容含有本表单没有的字段「" + field.getKey() + "」，请勿提交"));
            } else if (field.getValue() instanceof Map<?, ?> || field.getValue() instanceof Collection<?>) {
                foreign.add(new FieldError(field.getKey(), "「" + field.getKey() + "」应为文本，不能是对象或列表"));
            }
        }
        if (!foreign.isEmpty()) {
            throw new InvalidInputException(foreign);
        }
        Fields fields = new Fields(body, today());
        String subDistrict = fields.text(OpeningFields.SUB_DISTRICT, "所在街道", 9);
        String employer = fields.text(OpeningFields.EMPLOYER, "招聘单位", 200);
        String title = fields.text(OpeningFields.TITLE, "招聘岗位", 100);
        Integer positions = fields.integer(OpeningFields.POSITIONS, "招聘人数", 1, 999);
        String requirements = fields.note(OpeningFields.REQUIREMENTS, "岗位要求", 2000);
        if (subDistrict != null && places.find(subDistrict).filter(p -> p.kind() == Place.Kind.SUBDISTRICT).isEmpty()) {
            fields.reject(OpeningFields.SUB_DISTRICT, "所在街道", "不存在：" + subDistrict);
        }
        fields.check();
        return new Draft(subDistrict, employer, title, positions, requirements);
    }

    /** Records the job opening under a new id, e.g. JO-2026-000001. */
    public Opening post(Draft draft, String userId) {
        String id = String.format("JO-%d-%06d", today().getYear(),
                jdbc.queryForObject("select nextval('job_opening_seq')", Long.class));
        jdbc.update("insert into job_opening (id, sub_district_code, employer, title, positions, requirements, posted_by,"
                + " posted_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, draft.subDistrictCode(), draft.employer(),
                draft.title(), draft.positions(), draft.requirements(), userId, Timestamp.valueOf(now()));
        Opening opening = find(id);
        journal.record(id, "JOB_OPENING_POSTED", userId, opening.subject()
                + (draft.requirements() == null ? "" : "；岗位要求：" + draft.requirements()));
        return opening;
    }

    public void instanceStarted(String jobOpeningId, String processInstanceId) {
        jdbc.update("update job_opening set process_instance_id = ? where id = ?", processInstanceId, jobOpeningId);
    }

    public Opening find(String jobOpeningId) {
        return jdbc.query("select * from job_opening where id = ?", (rs, i) -> new Opening(rs.getString("id"),
                rs.getString("sub_district_code"), rs.getString("employer"), rs.getString("title"), rs.getInt("positions"),
                rs.getString("requirements")), jobOpeningId).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No job opening " + jobOpeningId));
    }

    /** The opening in words, as a household's journal records a referral to it. */
    public String words(String jobOpeningId) {
        return find(jobOpeningId).words();
    }

    /**
     * The sub-district's registered unemployed tenants whose registration is open, the earliest
     * registered first, numbered as staff see them; the numbering is kept for the recommendation.
     */
    public Candidates candidates(String jobOpeningId) {
        Opening opening = find(jobOpeningId);
        List<Registration> registered = registrations.registeredIn(opening.subDistrictCode());
        jdbc.update("delete from job_referral_candidate where job_opening_id = ?", jobOpeningId);
        jdbc.batchUpdate("insert into job_referral_candidate (job_opening_id, seq, registration_id) values (?, ?, ?)",
                java.util.stream.IntStream.range(0, registered.size()).mapToObj(i -> new Object[] {jobOpeningId, i + 1,
                    registered.get(i).id()}).toList());
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < registered.size(); i++) {
            Registration r = registered.get(i);
            list.append(i + 1).append(". ").append(name(r)).append("（身份证号码 ").append(IdNumber.mask(r.idNumber()))
                    .append("），").append(r.registeredOn()).append(" 失业登记，案卷 ").append(r.caseId()).append('\n');
        }
        String text = "招聘单位：" + opening.employer() + "；岗位：" + opening.title() + "；人数：" + opening.positions()
                + (opening.requirements() == null ? "" : "；要求：" + opening.requirements());
        return new Candidates(text, registered.isEmpty() ? "（本街道目前没有在册的失业登记人员）" : list.toString().strip());
    }

    /**
     * Staff recommend candidates by their numbers (or none, saying why). Each recommended member's
     * registration records a job referral service today.
     */
    public Recommendation recommend(String jobOpeningId, Map<String, ?> values, String userId) {
        Opening opening = find(jobOpeningId);
        Fields fields = new Fields(values, today());
        String numbers = fields.optionalText(RecommendationForm.RECOMMENDED, "推荐人员序号", 500);
        String note = fields.note(RecommendationForm.NOTE, "备注", 2000);
        Map<Integer, Long> listed = jdbc.query("select seq, registration_id from job_referral_candidate"
                + " where job_opening_id = ? order by seq", rs -> {
                    Map<Integer, Long> rows = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        rows.put(rs.getInt(1), rs.getLong(2));
                    }
                    return rows;
                }, jobOpeningId);
        Set<Integer> chosen = numbers(fields, numbers, listed);
        if (chosen != null && chosen.isEmpty() && note == null) {
            fields.reject(RecommendationForm.NOTE, "备注", "未推荐人员时须说明原因");
        }
        List<Registration> recommended = new ArrayList<>();
        for (Integer seq : chosen == null ? Set.<Integer>of() : chosen) {
            Registration r = registrations.find(listed.get(seq));
            if (r.status() != Status.REGISTERED) {
                fields.reject(RecommendationForm.RECOMMENDED, "推荐人员序号", "中第" + seq + "位人员的失业登记已结束，不能推荐");
            }
            recommended.add(r);
        }
        fields.check();
        for (Registration r : recommended) {
            registrations.servicesGiven(r.id(), List.of(ServiceKind.JOB_REFERRAL), today(), jobOpeningId, userId, now());
        }
        jdbc.batchUpdate("update job_referral_candidate set recommended = true where job_opening_id = ? and seq = ?",
                chosen.stream().map(seq -> new Object[] {jobOpeningId, seq}).toList());
        jdbc.update("update job_opening set recommended_by = ?, recommended_at = ?, note = ? where id = ?", userId,
                Timestamp.valueOf(now()), note, jobOpeningId);
        String outcome = chosen.isEmpty() ? "未推荐人员：" + note
                : "已优先推荐 " + chosen.size() + " 名在册失业人员（名单第" + chosen.stream().map(String::valueOf)
                        .collect(Collectors.joining("、")) + "位）";
        journal.record(jobOpeningId, "JOB_REFERRAL_RECOMMENDED", userId, opening.subject() + "：" + outcome
                + (note == null || chosen.isEmpty() ? "" : "；" + note));
        return new Recommendation(recommended.stream().map(r -> new Referral(r.id(), r.processInstanceId())).toList(),
                outcome);
    }

    /** The listed numbers chosen, e.g. 「1, 3」 or 「1、3」; null if refused. */
    private static Set<Integer> numbers(Fields fields, String numbers, Map<Integer, Long> listed) {
        Set<Integer> chosen = new LinkedHashSet<>();
        if (numbers == null) {
            return chosen;
        }
        for (String part : numbers.split("[,，、;；\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int seq;
            try {
                seq = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                fields.reject(RecommendationForm.RECOMMENDED, "推荐人员序号", "应为名单中的序号，多个序号用逗号分隔");
                return null;
            }
            if (!listed.containsKey(seq)) {
                fields.reject(RecommendationForm.RECOMMENDED, "推荐人员序号", listed.isEmpty() ? "名单为空，不能填写序号"
                        : "应为1至" + listed.size() + "之间的序号：" + seq + " 不在名单中");
                return null;
            }
            if (!chosen.add(seq)) {
                fields.reject(RecommendationForm.RECOMMENDED, "推荐人员序号", "含重复序号：" + seq);
                return null;
            }
        }
        return chosen;
    }

    private String name(Registration r) {
        return households.members(r.caseId()).stream().filter(m -> m.idNumber().equals(r.idNumber())).map(Member::name)
                .findFirst().orElse(r.memberWords());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
