package org.gongzu.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gongzu.casefile.CaseJournal;
import org.gongzu.employment.RegistrationRepository.Registration;
import org.gongzu.employment.RegistrationRepository.Status;
import org.gongzu.employment.UnemploymentRegistrationProcess.ApplicationForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.FollowUpForm;
import org.gongzu.employment.UnemploymentRegistrationProcess.RegistrationForm;
import org.gongzu.household.Household;
import org.gongzu.household.HouseholdRepository;
import org.gongzu.household.Member;
import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.validation.Fields;
import org.gongzu.validation.IdNumber;
import org.gongzu.validation.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a member's unemployment registration (clause 7): when one starts (once per member
 * while open), what the office records at registration and at each follow-up, and how it ends.
 */
@Service
@Transactional
public class UnemploymentRegistrationService {

    private final RegistrationRepository registrations;
    private final HouseholdRepository households;
    private final CaseJournal journal;
    private final EmploymentSettings settings;
    private final Clock clock;

    UnemploymentRegistrationService(RegistrationRepository registrations, HouseholdRepository households,
            CaseJournal journal, EmploymentSettings settings, Clock clock) {
        this.registrations = registrations;
        this.households = households;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    /** A claimed registration and what its process starts with. */
    public record Claimed(long registrationId, String caseId, String projectId, String districtCode,
            String subDistrictCode, String subject) {
    }

    /** What the household's registered members mean for registrations: which to start, which to close. */
    public record MemberChanges(List<Claimed> started, List<String> employedInstances) {
    }

    /**
     * The household's members were registered (first, or again after a correction). A member who
     * became unemployed starts a registration unless one is open; a member with an open registration
     * who became employed has it closed. Members are told apart by ID number.
     */
    public MemberChanges membersRegistered(Household household, List<Member> members) {
        List<Claimed> started = new ArrayList<>();
        List<String> employed = new ArrayList<>();
        for (Member member : members) {
            Optional<Member.Employment> before = registrations.lastSeen(household.caseId(), member.idNumber());
            registrations.seen(household.caseId(), member, now());
            if (before.orElse(null) == member.employment()) {
                continue;
            }
            if (member.employment() == Member.Employment.UNEMPLOYED) {
                claim(household, member, null).ifPresent(started::add);
            } else if (member.employment() == Member.Employment.EMPLOYED) {
                registrations.open(household.caseId(), member.idNumber()).map(Registration::processInstanceId)
                        .ifPresent(employed::add);
            }
        }
        return new MemberChanges(started, employed);
    }

    /** Claims the member's registration; empty while another one is open. */
    public Optional<Claimed> claim(Household household, Member member, String requestedBy) {
        return registrations.claim(household.caseId(), member, household.subDistrictCode(), requestedBy, now())
                .map(id -> new Claimed(id, household.caseId(), household.projectId(), household.districtCode(),
                        household.subDistrictCode(), registrations.find(id).memberWords() + "失业登记"));
    }

    /**
     * A member asks the social security office to register. The office may register members of the
     * households of its own sub-district ({@code callerGroups} null: the system itself acts).
     */
    public Claimed requested(Map<String, ?> values, Collection<String> callerGroups, String userId) {
        Fields fields = new Fields(values, today());
        String caseId = fields.text(ApplicationForm.HOUSEHOLD_CASE_ID, "家庭案卷号", 40);
        String idNumber = fields.idNumber(ApplicationForm.MEMBER_ID_NUMBER, "成员身份证号码");
        Household household = caseId == null ? null : households.find(caseId).orElse(null);
        if (caseId != null && household == null) {
            fields.reject(ApplicationForm.HOUSEHOLD_CASE_ID, "家庭案卷号", "不存在：" + caseId);
        }
        fields.check();
        // the place first: another office learns nothing about the household's members
        if (callerGroups != null && !callerGroups.contains(Roles.ADMIN)
                && !callerGroups.contains(Department.SOCIAL_SECURITY_OFFICE.groupId(household.subDistrictCode()))) {
            throw new InvalidInputException(ApplicationForm.HOUSEHOLD_CASE_ID,
                    "「家庭案卷号」不属于您所在街道的社保所，无权为该家庭办理失业登记");
        }
        Member member = households.members(caseId).stream().filter(m -> m.idNumber().equals(idNumber)).findFirst()
                .orElse(null);
        if (member == null) {
            throw new InvalidInputException(ApplicationForm.MEMBER_ID_NUMBER, "「成员身份证号码」不是该家庭登记的成员");
        }
        return claim(household, member, userId).orElseThrow(() -> new InvalidInputException(
                ApplicationForm.MEMBER_ID_NUMBER, "「成员身份证号码」该成员已有正在办理的失业登记，不能重复登记"));
    }

    public void instanceStarted(long registrationId, String processInstanceId) {
        registrations.instanceStarted(registrationId, processInstanceId);
    }

    /** The eligibility decision's inputs for the member, as of today. */
    public EligibilityInputs eligibilityInputs(long registrationId) {
        Registration r = registrations.find(registrationId);
        return EligibilityInputs.of(r.idNumber(), r.hukou(), r.birthDate(), today(), settings);
    }

    /** The decision's reason and the other route are kept with the registration, not in the process. */
    public void decided(long registrationId, String reason, String otherRoute) {
        registrations.decided(registrationId, reason, otherRoute);
    }

    /** The member may not register here: recorded with where to go instead; answers the outcome. */
    public String refused(long registrationId) {
        Registration r = registrations.find(registrationId);
        String outcome = "不予失业登记：" + r.reason() + (r.otherRoute() == null || r.otherRoute().isBlank() ? ""
                : "；可" + r.otherRoute());
        registrations.close(registrationId, Status.REFUSED, today(), outcome);
        journal.record(r.caseId(), "UNEMPLOYMENT_REFUSED", null, r.memberWords() + outcome);
        return outcome;
    }

    /** The office registers the member (the lease contract is on the case) and gives the first services. */
    public void registered(long registrationId, Map<String, ?> values, String userId) {
        Registration r = registrations.find(registrationId);
        Fields fields = new Fields(values, today());
        LocalDate registeredOn = fields.pastDate(RegistrationForm.REGISTERED_ON, "登记日期");
        List<ServiceKind> services = fields.choices(RegistrationForm.SERVICES, "本次提供的服务", ServiceKind.class);
        String note = fields.note(RegistrationForm.NOTE, "备注", 2000);
        fields.check();
        registrations.registered(registrationId, registeredOn);
        registrations.servicesGiven(registrationId, services, registeredOn, null, userId, now());
        journal.record(r.caseId(), "UNEMPLOYMENT_REGISTERED", userId, r.memberWords() + "失业登记：" + registeredOn
                + " 登记；提供服务：" + names(services) + (note == null ? "" : "；" + note));
    }

    /** What a follow-up found, and the process outcome when the registration ends with it. */
    public record FollowUp(FollowUpForm.State state, String outcome) {
    }

    /** The office followed the member up: services given, and whether they still look for work. */
    public FollowUp followedUp(long registrationId, Map<String, ?> values, String userId) {
        Registration r = registrations.find(registrationId);
        Fields fields = new Fields(values, today());
        LocalDate on = fields.pastDate(FollowUpForm.FOLLOWED_UP_ON, "回访日期");
        notBeforeRegistration(fields, r, FollowUpForm.FOLLOWED_UP_ON, "回访日期", on);
        List<ServiceKind> services = values.get(FollowUpForm.SERVICES) == null
                || values.get(FollowUpForm.SERVICES).toString().replaceAll("[\\[\\]\\s]", "").isEmpty()
                ? List.of() : fields.choices(FollowUpForm.SERVICES, "本次提供的服务", ServiceKind.class);
        FollowUpForm.State state = fields.choice(FollowUpForm.STATE, "求职状态", FollowUpForm.State.class);
        LocalDate employedOn = null;
        String employer = null;
        String endReason = null;
        if (state == FollowUpForm.State.EMPLOYED) {
            employedOn = fields.pastDate(FollowUpForm.EMPLOYED_ON, "就业日期");
            notBeforeRegistration(fields, r, FollowUpForm.EMPLOYED_ON, "就业日期", employedOn);
            employer = fields.note(FollowUpForm.EMPLOYER, "就业单位", 200);
        } else if (state == FollowUpForm.State.ENDED) {
            endReason = fields.requiredNote(FollowUpForm.END_REASON, "终止原因", 500);
        }
        String note = fields.note(FollowUpForm.NOTE, "备注", 2000);
        fields.check();
        if (services != null && !services.isEmpty()) {
            registrations.servicesGiven(registrationId, services, on, null, userId, now());
        }
        String outcome = switch (state) {
            case LOOKING -> null;
            case EMPLOYED -> "已就业（" + employedOn + "）";
            case ENDED -> "失业登记已终止：" + endReason + "（" + on + "）";
        };
        if (outcome != null) {
            registrations.close(registrationId, state == FollowUpForm.State.EMPLOYED ? Status.EMPLOYED : Status.ENDED,
                    state == FollowUpForm.State.EMPLOYED ? employedOn : on, outcome);
        }
        journal.record(r.caseId(), "UNEMPLOYMENT_FOLLOW_UP", userId, r.memberWords() + "回访 " + on + "："
                + (outcome == null ? "仍在求职" : outcome) + (employer == null ? "" : "，就业单位 " + employer)
                + (services == null || services.isEmpty() ? "" : "；提供服务：" + names(services))
                + (note == null ? "" : "；" + note));
        return new FollowUp(state, outcome);
    }

    /** The household's members were registered again with this member employed: the registration closes. */
    public String employedByCorrection(long registrationId) {
        Registration r = registrations.find(registrationId);
        String outcome = "已就业（" + today() + "）：家庭成员信息已登记为就业";
        registrations.close(registrationId, Status.EMPLOYED, today(), outcome);
        journal.record(r.caseId(), "UNEMPLOYMENT_EMPLOYED", null, r.memberWords() + outcome + "，失业登记关闭");
        return outcome;
    }

    /** The member was recommended for a community job opening (the JobReferral process recorded the service). */
    public void referred(long registrationId, String jobOpeningWords) {
        Registration r = registrations.find(registrationId);
        journal.record(r.caseId(), "UNEMPLOYMENT_JOB_REFERRAL", null, r.memberWords() + "职业介绍：优先推荐应聘" + jobOpeningWords);
    }

    /** The member as the office's forms show them: name and masked ID number. */
    public String memberShown(long registrationId) {
        Registration r = registrations.find(registrationId);
        String name = households.members(r.caseId()).stream().filter(m -> m.idNumber().equals(r.idNumber()))
                .map(Member::name).findFirst().orElse(r.memberWords());
        return name + "（身份证号码 " + IdNumber.mask(r.idNumber()) + "）";
    }

    /** The task's name: which member, without personal data. */
    public String memberWords(long registrationId) {
        return registrations.find(registrationId).memberWords();
    }

    private static void notBeforeRegistration(Fields fields, Registration r, String key, String label, LocalDate day) {
        if (day != null && r.registeredOn() != null && day.isBefore(r.registeredOn())) {
            fields.reject(key, label, "不能早于失业登记日期 " + r.registeredOn());
        }
    }

    private static String names(Collection<ServiceKind> services) {
        return services.stream().map(ServiceKind::chineseName).collect(Collectors.joining("、"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
