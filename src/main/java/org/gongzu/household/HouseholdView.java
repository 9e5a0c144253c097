package org.gongzu.household;

import java.time.LocalDate;
import java.util.List;

import org.gongzu.casefile.CaseProcesses;
import org.gongzu.casefile.HouseholdFields;
import org.gongzu.casefile.HouseholdFields.Id;
import org.gongzu.validation.IdNumber;

/**
 * A household as one reader may see it ({@link HouseholdFields}): fields the reader's step does not
 * need are null, ID numbers masked where it needs only to recognise them. {@code processes} lists
 * every process of the household's case (move-in and the services after it) where the view is read
 * on its own; beside a task, the case view lists them once for any kind of case.
 */
public record HouseholdView(String caseId, String projectId, String unitNo, String leaseNo, String status,
        LocalDate movedInOn, String headName, String headIdNumber, int memberCount, List<MemberView> members,
        List<CaseProcesses.State> processes) {

    public record MemberView(int seq, String name, String idNumber, String relation, String hukou, LocalDate birthDate,
            String employment, Boolean minLivingAllowance) {
    }

    public static HouseholdView of(Household h, List<Member> members, HouseholdFields fields) {
        List<MemberView> shown = fields.memberNames() ? members.stream().map(m -> new MemberView(m.seq(), m.name(),
                id(m.idNumber(), fields.memberIds()), m.relation().name(), fields.hukou() ? m.hukou().name() : null,
                fields.birthDates() ? m.birthDate() : null, fields.employment() ? m.employment().name() : null,
                fields.allowance() ? m.minLivingAllowance() : null)).toList() : List.of();
        return new HouseholdView(h.caseId(), h.projectId(), h.unitNo(), h.leaseNo(), h.status(), h.movedInOn(),
                fields.headName() ? h.headName() : null, id(h.headIdNumber(), fields.headId()), members.size(), shown,
                null);
    }

    /** The same view with the case's processes. */
    public HouseholdView withProcesses(List<CaseProcesses.State> caseProcesses) {
        return new HouseholdView(caseId, projectId, unitNo, leaseNo, status, movedInOn, headName, headIdNumber,
                memberCount, members, caseProcesses);
    }

    private static String id(String idNumber, Id shown) {
        return switch (shown) {
            case FULL -> idNumber;
            case MASKED -> IdNumber.mask(idNumber);
            case HIDDEN -> null;
        };
    }
}
