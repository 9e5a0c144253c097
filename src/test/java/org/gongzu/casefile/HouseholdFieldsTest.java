package org.gongzu.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.gongzu.casefile.HouseholdFields.Id;
import org.gongzu.identity.Department;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Exactly what each department sees of a household on its case: one decision, in CaseAccess. */
class HouseholdFieldsTest {

    private final CaseAccess access = new CaseAccess();

    private HouseholdFields seenBy(Department department) {
        String group = department.groupId(department.level() == org.gongzu.place.Place.Kind.DISTRICT ? "110108" : "110108015");
        return access.household(List.of(group), Set.of(group)).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Department.class)
    void eachDepartmentOnTheCaseSeesExactlyWhatItsStepNeeds(Department department) {
        HouseholdFields expected = switch (department) {
            case OWNER -> new HouseholdFields(true, Id.FULL, true, Id.MASKED, false, false, false, false);
            case RESIDENTS_COMMITTEE -> HouseholdFields.ALL;
            case POLICE -> new HouseholdFields(true, Id.FULL, true, Id.FULL, true, true, false, false);
            case SUBDISTRICT_OFFICE -> new HouseholdFields(true, Id.MASKED, true, Id.MASKED, true, true, true, true);
            case SOCIAL_SECURITY_OFFICE -> new HouseholdFields(true, Id.MASKED, true, Id.FULL, true, true, true, true);
            case EDUCATION -> new HouseholdFields(true, Id.MASKED, true, Id.FULL, true, true, false, false);
            case SCHOOL -> new HouseholdFields(true, Id.HIDDEN, true, Id.HIDDEN, true, true, false, false);
            case HEALTH -> new HouseholdFields(true, Id.MASKED, true, Id.MASKED, true, false, false, false);
            case CIVIL_AFFAIRS -> new HouseholdFields(true, Id.MASKED, true, Id.MASKED, true, false, false, true);
            case HOUSING -> new HouseholdFields(true, Id.MASKED, false, Id.HIDDEN, false, false, false, false);
        };
        assertThat(seenBy(department)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Department.class)
    void aDepartmentNotOnTheCaseSeesNothing(Department department) {
        String group = department.groupId(department.level() == org.gongzu.place.Place.Kind.DISTRICT ? "110105" : "110105028");
        assertThat(access.household(List.of(group), Set.of("rc-110108015", "police-110108015"))).isEmpty();
        assertThat(access.documents(List.of(group), Set.of("rc-110108015"))).isFalse();
    }

    @Test
    void supervisorsSeeIdNumbersMaskedAdministratorsEverythingAndTwoDepartmentsTheMoreOfEach() {
        assertThat(access.household(List.of("supervisor"), Set.of()).orElseThrow()).isEqualTo(CaseAccess.SUPERVISOR);
        assertThat(access.household(List.of("camunda-admin"), Set.of()).orElseThrow()).isEqualTo(HouseholdFields.ALL);
        HouseholdFields both = access.household(List.of("owner-110108015", "police-110108015"),
                Set.of("owner-110108015", "police-110108015")).orElseThrow();
        assertThat(both.memberIds()).isEqualTo(Id.FULL);
        assertThat(both.hukou()).isTrue();
        assertThat(access.household(null, Set.of())).isEmpty();
    }
}
