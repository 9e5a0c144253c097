package org.gongzu.casefile;

import java.util.Collection;
import java.util.function.BooleanSupplier;

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
        if (groups.contains(Roles.ADMIN) || groups.contains(Roles.SUPERVISOR)) {
            return Level.FULL;
        }
        String districtCode = Place.districtOf(subDistrictCode);
        for (Department department : Department.values()) {
            String place = department.level() == Place.Kind.DISTRICT ? districtCode : subDistrictCode;
            if (groups.contains(department.groupId(place))) {
                return Level.FULL;
            }
        }
        return Level.NONE;
    }

    /**
     * A household's case holds personal data: staff read it while one of its tasks is theirs
     * ({@code holdsATask} asks the engine, with the user's own task visibility); supervisors read it
     * masked.
     */
    public Level household(Collection<String> groups, BooleanSupplier holdsATask) {
        if (groups == null) {
            return Level.NONE;
        }
        if (groups.contains(Roles.ADMIN)) {
            return Level.FULL;
        }
        if (groups.contains(Roles.SUPERVISOR)) {
            return Level.MASKED;
        }
        return holdsATask.getAsBoolean() ? Level.FULL : Level.NONE;
    }
}
