package org.gongzu.allowancework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gongzu.allowancework.AllowanceWorkProcess.ArrangeForm;
import org.gongzu.allowancework.AllowanceWorkRepository.ArrangedMember;
import org.gongzu.allowancework.AllowanceWorkRepository.Work;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.validation.Fields;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules of a household's arrangement of community public-service work (clause 8): one open
 * arrangement per household on the allowance, of its adult members on the allowance, closed when
 * the office ends it or the allowance ends. Bad input is refused whole, in Chinese naming the fields.
 */
@Service
@Transactional
public class AllowanceWorkService {

    static final int ADULT_AGE = 18;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AllowanceWorkRepository works;
    private final HouseholdRepository households;
    private final CaseJournal journal;
    private final Clock clock;

    AllowanceWorkService(AllowanceWorkRepository works, HouseholdRepository households, CaseJournal journal,
            Clock clock) {
        this.works = works;
        this.households = households;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Whether an adult member of the household receives the urban minimum living allowance: only
     * adults do the work, so a household whose only member on it is a child gets no arrangement.
     */
    public boolean onAllowance(List<Member> members) {
        LocalDate today = today();
        return members.stream().anyMatch(m -> m.minLivingAllowance() && adult(m, today));
    }

    /** Claims the household's arrangement; answers its id, or empty if one is open already. */
    public Optional<Long> claim(Household household) {
        Optional<Long> claimed = works.claim(household.caseId(), household.subDistrictCode(), now());
        claimed.ifPresent(id -> journal.record(household.caseId(), "ALLOWANCE_WORK_OPENED", null,
                "家庭有成员享受城市最低生活保障，由街道办事处组织安排公益性社区服务劳动（第八条）"));
        return claimed;
    }

    public void started(long workId, String processInstanceId) {
        works.started(workId, processInstanceId);
    }

    /** The process of the household's open arrangement, if there is one. */
    public Optional<String> openProcess(String caseId) {
        return works.open(caseId).map(Work::processInstanceId);
    }

    /** The arrangement form's checklist: the household's adult members on the allowance. */
    public List<Map<String, String>> allowanceMemberOptions(String caseId) {
        LocalDate today = today();
        return households.members(caseId).stream()
                .filter(m -> m.minLivingAllowance() && adult(m, today))
                .map(m -> option(m.seq(), m.name())).toList();
    }

    /** The sub-district office arranges the work: which members, what work, when. */
    public void arrange(long workId, Map<String, ?> values, String userId) {
        Work work = works.find(workId);
        Household household = households.find(work.caseId()).orElseThrow();
        List<Member> members = households.members(work.caseId());
        Fields fields = new Fields(values, today());
        List<ArrangedMember> arranged = arrangedMembers(fields, values.get(ArrangeForm.MEMBER_NOS), members);
        WorkKind kind = fields.choice(ArrangeForm.WORK_KIND, "劳动类别", WorkKind.class);
        String schedule = fields.requiredNote(ArrangeForm.SCHEDULE_NOTE, "劳动时间安排", 500);
        LocalDate startOn = fields.date(ArrangeForm.START_ON, "开始日期", household.movedInOn(),
                "入住日期 " + household.movedInOn());
        fields.check();
        works.arranged(workId, kind, schedule, startOn, userId, now(), arranged);
        journal.record(work.caseId(), "ALLOWANCE_WORK_ARRANGED", userId, "安排"
                + arranged.stream().map(m -> "成员" + m.seq()).collect(Collectors.joining("、"))
                + "参加公益性社区服务劳动：" + kind.chineseName() + "，自 " + startOn + " 起；" + schedule);
    }

    /** The sub-district office ended the arrangement: how it ended, with the hours confirmed. */
    public String arrangementEnded(long workId) {
        long seconds = works.hours(workId, AllowanceWorkRepository.CONFIRMED).stream()
                .mapToLong(h -> Duration.between(h.startedAt(), h.endedAt()).toSeconds()).sum();
        return "街道办事处已结束公益劳动安排，共确认公益劳动 " + WorkHoursService.hours(seconds).toPlainString() + " 小时";
    }

    /** No member of the household is on the allowance any more. */
    public void allowanceEnded(long workId) {
        journal.record(works.find(workId).caseId(), "ALLOWANCE_ENDED", null, AllowanceWorkProcess.OUTCOME_ALLOWANCE_ENDED);
    }

    /** The process ended, however: the household may get a new arrangement later. */
    public void closed(long workId, String outcome) {
        works.closed(workId, outcome == null ? "已撤销" : outcome, now());
    }

    private List<ArrangedMember> arrangedMembers(Fields fields, Object raw, List<Member> members) {
        String label = "参加劳动的成员";
        List<String> items = items(raw);
        if (items == null) {
            fields.reject(ArrangeForm.MEMBER_NOS, label, "格式不正确，应为成员编号列表");
            return List.of();
        }
        if (items.isEmpty()) {
            fields.reject(ArrangeForm.MEMBER_NOS, label, "至少选择一位");
            return List.of();
        }
        LocalDate today = today();
        Map<Integer, ArrangedMember> arranged = new LinkedHashMap<>();
        for (String item : items) {
            Integer seq = number(item);
            Member member = seq == null ? null : members.stream().filter(m -> m.seq() == seq).findFirst().orElse(null);
            if (member == null) {
                fields.reject(ArrangeForm.MEMBER_NOS, label, "中的「" + item + "」不是本户家庭成员的编号");
            } else if (!adult(member, today)) {
                fields.reject(ArrangeForm.MEMBER_NOS, label, "中的成员" + seq + "未满" + ADULT_AGE + "周岁");
            } else if (!member.minLivingAllowance()) {
                fields.reject(ArrangeForm.MEMBER_NOS, label, "中的成员" + seq + "未享受城市最低生活保障");
            } else if (arranged.putIfAbsent(seq, new ArrangedMember(seq, member.name(), member.idNumber())) != null) {
                fields.reject(ArrangeForm.MEMBER_NOS, label, "中的成员" + seq + "重复");
            }
        }
        return List.copyOf(arranged.values());
    }

    /** The checklist's values: a list, a JSON array text, or numbers separated by commas; null if unreadable. */
    private static List<String> items(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String text = raw.toString().strip();
        if (text.startsWith("[")) {
            try {
                return items(JSON.readValue(text, List.class));
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return java.util.Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer number(String item) {
        try {
            return new BigDecimal(item).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean adult(Member member, LocalDate today) {
        return !member.birthDate().plusYears(ADULT_AGE).isAfter(today);
    }

    /** A member as a form's choice: 「成员1 张三」, its value the member's number. */
    static Map<String, String> option(int seq, String name) {
        return Map.of("label", "成员" + seq + " " + name, "value", String.valueOf(seq));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
