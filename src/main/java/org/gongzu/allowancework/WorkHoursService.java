package org.gongzu.allowancework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gongzu.allowancework.AllowanceWorkProcess.ConfirmForm;
import org.gongzu.allowancework.AllowanceWorkProcess.HoursForm;
import org.gongzu.allowancework.AllowanceWorkRepository.ArrangedMember;
import org.gongzu.allowancework.AllowanceWorkRepository.Hours;
import org.gongzu.allowancework.AllowanceWorkRepository.Work;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.validation.Fields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours of an arrangement (clause 8): what one entry must be (an arranged member, after the
 * arrangement's start, not in the future, at most {@code gongzu.allowance-work.max-hours-per-entry}
 * hours, not overlapping the member's other hours), and the residents' committee's confirmation or
 * return; returned entries never count.
 */
@Service
@Transactional
public class WorkHoursService {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AllowanceWorkRepository works;
    private final HouseholdRepository households;
    private final CaseJournal journal;
    private final Clock clock;
    private final Duration maxPerEntry;

    WorkHoursService(AllowanceWorkRepository works, HouseholdRepository households, CaseJournal journal, Clock clock,
            @Value("${gongzu.allowance-work.max-hours-per-entry:12}") int maxHoursPerEntry) {
        this.works = works;
        this.households = households;
        this.journal = journal;
        this.clock = clock;
        this.maxPerEntry = Duration.ofHours(maxHoursPerEntry);
    }

    /** The hours form's choice: the members the arrangement names, by their current number. */
    public List<Map<String, String>> arrangedMemberOptions(long workId) {
        Work work = works.find(workId);
        Map<String, Member> current = households.members(work.caseId()).stream()
                .collect(Collectors.toMap(Member::idNumber, m -> m, (a, b) -> a));
        return works.members(workId).stream().filter(m -> current.containsKey(m.idNumber()))
                .map(m -> current.get(m.idNumber())).map(m -> AllowanceWorkService.option(m.seq(), m.name())).toList();
    }

    /** The entry the residents' committee returned last, while nothing newer was recorded. */
    public Optional<String> lastReturned(long workId) {
        return works.lastHours(workId).filter(h -> AllowanceWorkRepository.RETURNED.equals(h.state()))
                .map(h -> describe(h, true) + "；退回原因：" + h.returnReason());
    }

    /**
     * The sub-district office records one entry of hours, or ends the arrangement; answers true
     * when it ends.
     */
    public boolean recordHours(long workId, Map<String, ?> values, String userId) {
        Work work = works.find(workId);
        Fields fields = new Fields(values, today());
        HoursForm.Action action = fields.choice(HoursForm.ACTION, "办理事项", HoursForm.Action.class);
        if (action == HoursForm.Action.END) {
            String reason = fields.requiredNote(HoursForm.END_REASON, "结束原因", 500);
            fields.check();
            journal.record(work.caseId(), "ALLOWANCE_WORK_ENDED", userId, "街道办事处结束公益劳动安排：" + reason);
            return true;
        }
        Integer memberNo = fields.integer(HoursForm.MEMBER_NO, "成员", 1, 99);
        WorkKind kind = fields.choice(HoursForm.WORK_KIND, "劳动类别", WorkKind.class);
        LocalDateTime start = dateTime(fields, values, HoursForm.STARTED_AT, "开始时间");
        LocalDateTime end = dateTime(fields, values, HoursForm.ENDED_AT, "结束时间");
        String note = fields.note(HoursForm.NOTE, "备注", 500);
        ArrangedMember member = memberNo == null ? null : arrangedMember(fields, work, memberNo);
        LocalDateTime now = now();
        if (start != null && start.isAfter(now)) {
            fields.reject(HoursForm.STARTED_AT, "开始时间", "不能晚于当前时间");
            start = null;
        } else if (start != null && work.startOn() != null && start.toLocalDate().isBefore(work.startOn())) {
            fields.reject(HoursForm.STARTED_AT, "开始时间", "不能早于公益劳动开始日期 " + work.startOn());
            start = null;
        }
        if (end != null && end.isAfter(now)) {
            fields.reject(HoursForm.ENDED_AT, "结束时间", "不能晚于当前时间");
            end = null;
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                fields.reject(HoursForm.ENDED_AT, "结束时间", "应晚于开始时间");
            } else if (Duration.between(start, end).compareTo(maxPerEntry) > 0) {
                fields.reject(HoursForm.ENDED_AT, "结束时间", "距开始时间不能超过" + maxPerEntry.toHours() + "小时（每条记录最多"
                        + maxPerEntry.toHours() + "小时）");
            } else if (member != null) {
                works.overlapping(member.idNumber(), start, end).stream().findFirst().ifPresent(other -> fields.reject(
                        HoursForm.STARTED_AT, "开始时间", "与该成员已记录的工时（" + period(other) + "）重叠"));
            }
        }
        fields.check();
        Household household = households.find(work.caseId()).orElseThrow();
        Hours hours = new Hours(0, workId, work.caseId(), household.districtCode(), household.subDistrictCode(),
                member.seq(), member.name(), member.idNumber(), kind, start, end, note, AllowanceWorkRepository.RECORDED,
                null);
        works.addHours(hours, userId, now);
        journal.record(work.caseId(), "ALLOWANCE_HOURS_RECORDED", userId, "记录公益劳动工时：" + describe(hours, false));
        return false;
    }

    /** What the residents' committee is asked to confirm, with the member's name. */
    public String hoursToConfirm(long workId) {
        return works.hours(workId, AllowanceWorkRepository.RECORDED).stream().map(h -> describe(h, true))
                .collect(Collectors.joining("\n"));
    }

    /** The residents' committee confirms the recorded hours, or returns them with a reason. */
    public void confirmHours(long workId, Map<String, ?> values, String userId) {
        Fields fields = new Fields(values, today());
        ConfirmForm.Decision decision = fields.choice(ConfirmForm.DECISION, "确认结果", ConfirmForm.Decision.class);
        String reason = decision == ConfirmForm.Decision.RETURN
                ? fields.requiredNote(ConfirmForm.RETURN_REASON, "退回原因", 500)
                : fields.note(ConfirmForm.RETURN_REASON, "退回原因", 500);
        fields.check();
        for (Hours h : works.hours(workId, AllowanceWorkRepository.RECORDED)) {
            if (decision == ConfirmForm.Decision.CONFIRM) {
                works.confirm(h.id(), userId, now());
                journal.record(h.caseId(), "ALLOWANCE_HOURS_CONFIRMED", userId, "居委会确认公益劳动工时：" + describe(h, false));
            } else {
                works.returnHours(h.id(), reason, userId, now());
                journal.record(h.caseId(), "ALLOWANCE_HOURS_RETURNED", userId, "居委会退回公益劳动工时（不计入）："
                        + describe(h, false) + "；原因：" + reason);
            }
        }
    }

    /** Seconds as hours with at most two decimals, e.g. 2.5. */
    static BigDecimal hours(long seconds) {
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
        return hours.signum() == 0 ? BigDecimal.ZERO : hours.stripTrailingZeros();
    }

    /** The member with this number now, if the arrangement names them; refused otherwise. */
    private ArrangedMember arrangedMember(Fields fields, Work work, int memberNo) {
        Member member = households.members(work.caseId()).stream().filter(m -> m.seq() == memberNo).findFirst()
                .orElse(null);
        if (member == null) {
            fields.reject(HoursForm.MEMBER_NO, "成员", "不是本户家庭成员的编号");
            return null;
        }
        boolean arranged = works.members(work.id()).stream().anyMatch(m -> m.idNumber().equals(member.idNumber()));
        if (!arranged) {
            fields.reject(HoursForm.MEMBER_NO, "成员", "所指成员不在本次公益劳动安排之中");
            return null;
        }
        return new ArrangedMember(member.seq(), member.name(), member.idNumber());
    }

    /** A date and time as form-js sends it (with or without an offset) or a REST client types it. */
    private LocalDateTime dateTime(Fields fields, Map<String, ?> values, String key, String label) {
        Object raw = values.get(key);
        if (raw instanceof java.util.Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), clock.getZone());
        }
        String text = fields.optionalText(key, label, 40);
        if (text == null) {
            fields.reject(key, label, "为必填项");
            return null;
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(clock.getZone()).toLocalDateTime();
        } catch (DateTimeParseException e) {
            // no offset: Beijing time as typed
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            fields.reject(key, label, "不是有效的日期时间（格式：年-月-日 时:分）");
            return null;
        }
    }

    /** An entry in words: with the member's name for the forms, by number only for the journal. */
    private static String describe(Hours h, boolean withName) {
        return "成员" + h.memberSeq() + (withName ? " " + h.memberName() : "") + "：" + h.kind().chineseName() + "，"
                + period(h) + "（" + hours(Duration.between(h.startedAt(), h.endedAt()).toSeconds()).toPlainString()
                + " 小时）" + (h.note() == null ? "" : "；" + h.note());
    }

    private static String period(Hours h) {
        return h.startedAt().format(MINUTES) + " 至 " + h.endedAt().format(MINUTES);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
