package org.gongzu.casefile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.gongzu.casefile.HouseholdFields.Id;

import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.place.Place;
import org.springframework.stereotype.Component;

/**
 * Who may read a case, decided in one place for every kind of case and every way of reading it
 * (the project API, the webapps' views). Staff read what their department works on; supervisors
 * follow progress everywhere but see personal data masked; administrators see everything.
 */
@Component
public class CaseAccess {

    /** How much of a case a reader sees. */
    public enum Level {
        /** Everything the case holds. */
        FULL,
        /** Everything, with personal identifiers (ID numbers) masked. */
        MASKED,
        /** Nothing: the case is answered as not found. */
        NONE
    }

    /**
     * A project's case holds no personal data of its own (households appear by case id and unit).
     * Every department of the project's sub-district and district works on it (handovers, the
     * committee setup, move-ins), so each reads it; so do supervisors and administrators.
     */
    public Level project(String subDistrictCode, Collection<String> groups) {
        if (groups == null) {
            return Level.NONE;
        }
        String districtCode = Place.districtOf(subDistrictCode);
        if (groups.contains(Roles.ADMIN) || groups.contains(Roles.SUPERVISOR)
                || groups.contains(Roles.districtSupervisor(districtCode))) {
            return Level.FULL;
        }
        for (Department department : Department.values()) {
            String place = department.level() == Place.Kind.DISTRICT ? districtCode : subDistrictCode;
            if (groups.contains(department.groupId(place))) {
                return Level.FULL;
            }
        }
        return Level.NONE;
    }

    /**
     * What each department's steps need of a household's personal data. The property owner signed
     * the lease with the head; the residents' committee registers every member; the police check the
     * members' register data; the social security office and the education commission serve members
     * by their ID (registration, school places); a school sees the family's names, births and hukou
     * but no ID number (the child's own reaches it with its enrollment step); the others see names,
     * and ID numbers masked.
     */
    private static final Map<Department, HouseholdFields> NEEDS = Map.of(
            Department.OWNER, new HouseholdFields(true, Id.FULL, true, Id.MASKED, false, false, false, false),
            Department.RESIDENTS_COMMITTEE, HouseholdFields.ALL,
            Department.POLICE, new HouseholdFields(true, Id.FULL, true, Id.FULL, true, true, false, false),
            Department.SUBDISTRICT_OFFICE, new HouseholdFields(true, Id.MASKED, true, Id.MASKED, true, true, true, true),
            Department.SOCIAL_SECURITY_OFFICE, new HouseholdFields(true, Id.MASKED, true, Id.FULL, true, true, true, true),
            Department.EDUCATION, new HouseholdFields(true, Id.MASKED, true, Id.FULL, true, true, false, false),
            Department.SCHOOL, new HouseholdFields(true, Id.HIDDEN, true, Id.HIDDEN, true, true, false, false),
            Department.HEALTH, new HouseholdFields(true, Id.MASKED, true, Id.MASKED, true, false, false, false),
            Department.CIVIL_AFFAIRS, new HouseholdFields(true, Id.MASKED, true, Id.MASKED, true, false, false, true),
            Department.HOUSING, new HouseholdFields(true, Id.MASKED, false, Id.HIDDEN, false, false, false, false));
    /** Supervisors follow progress: everything but full ID numbers. */
    static final HouseholdFields SUPERVISOR = new HouseholdFields(true, Id.MASKED, true, Id.MASKED, true, true, true, true);

    /**
     * What of a household a reader sees, or nothing: administrators everything, supervisors
     * {@link #SUPERVISOR}, staff what their departments need, if one of their departments is on the
     * case ({@code departmentsOnCase}: the groups its tasks were ever routed to).
     */
    public Optional<HouseholdFields> household(Collection<String> groups, Collection<String> departmentsOnCase) {
        return household(groups, departmentsOnCase, null);
    }

    /**
     * The same, for a household of the district {@code districtCode}: its district's supervisors
     * (docs/adr/0020) see it as municipal supervisors do.
     */
    public Optional<HouseholdFields> household(Collection<String> groups, Collection<String> departmentsOnCase,
            String districtCode) {
        if (groups == null) {
            return Optional.empty();
        }
        if (groups.contains(Roles.ADMIN)) {
            return Optional.of(HouseholdFields.ALL);
        }
        HouseholdFields seen = groups.contains(Roles.SUPERVISOR) || districtSupervisor(groups, districtCode)
                ? SUPERVISOR : null;
        for (String group : groups) {
            if (departmentsOnCase.contains(group)) {
                HouseholdFields need = departmentOf(group).map(NEEDS::get).orElse(null);
                if (need != null) {
                    seen = seen == null ? need : seen.or(need);
                }
            }
        }
        return Optional.ofNullable(seen);
    }

    /** Whether the reader may read the case's documents: its departments, supervisors, administrators. */
    public boolean documents(Collection<String> groups, Collection<String> departmentsOnCase) {
        return documents(groups, departmentsOnCase, null);
    }

    /** The same, for a case of the district {@code districtCode}, whose district supervisors read it too. */
    public boolean documents(Collection<String> groups, Collection<String> departmentsOnCase, String districtCode) {
        return groups != null && (groups.contains(Roles.ADMIN) || groups.contains(Roles.SUPERVISOR)
                || districtSupervisor(groups, districtCode) || groups.stream().anyMatch(departmentsOnCase::contains));
    }

    private static boolean districtSupervisor(Collection<String> groups, String districtCode) {
        return districtCode != null && groups.contains(Roles.districtSupervisor(districtCode));
    }

    /** Whether the reader may attach documents: the case's departments (supervisors only read). */
    public boolean attach(Collection<String> groups, Collection<String> departmentsOnCase) {
        return groups != null && (groups.contains(Roles.ADMIN) || groups.stream().anyMatch(departmentsOnCase::contains));
    }

    private static Optional<Department> departmentOf(String group) {
        int dash = group.indexOf('-');
        return dash < 0 ? Optional.empty() : Department.ofCode(group.substring(0, dash));
    }
}
