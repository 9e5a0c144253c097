package org.gongzu.identity;

import java.util.Optional;

import org.gongzu.place.Place;

/**
 * The departments that tasks are routed to, each working for one place: a sub-district or a
 * district. The Camunda group of a department of a place is {@code <code>-<place code>}, e.g.
 * {@code rc-110108015}; see docs/adr/0001-groups-and-places.md.
 */
public enum Department {
    OWNER("owner", "产权单位", Place.Kind.SUBDISTRICT),
    RESIDENTS_COMMITTEE("rc", "居委会", Place.Kind.SUBDISTRICT),
    SUBDISTRICT_OFFICE("sdo", "街道办事处", Place.Kind.SUBDISTRICT),
    SOCIAL_SECURITY_OFFICE("sso", "社保所", Place.Kind.SUBDISTRICT),
    POLICE("police", "派出所", Place.Kind.SUBDISTRICT),
    /** The schools and kindergartens of a sub-district, which confirm the places assigned to them. */
    SCHOOL("school", "中小学幼儿园", Place.Kind.SUBDISTRICT),
    EDUCATION("edu", "区教委", Place.Kind.DISTRICT),
    HEALTH("health", "区卫生健康委", Place.Kind.DISTRICT),
    CIVIL_AFFAIRS("civil", "区民政局", Place.Kind.DISTRICT),
    HOUSING("housing", "区住建委", Place.Kind.DISTRICT);

    private final String code;
    private final String chineseName;
    private final Place.Kind level;

    Department(String code, String chineseName, Place.Kind level) {
        this.code = code;
        this.chineseName = chineseName;
        this.level = level;
    }

    public String code() {
        return code;
    }

    public Place.Kind level() {
        return level;
    }

    /** The department's Chinese name, e.g. 居委会. */
    public String chineseName() {
        return chineseName;
    }

    /** The department whose group ids start with this code, e.g. {@code rc}. */
    public static Optional<Department> ofCode(String code) {
        for (Department department : values()) {
            if (department.code.equals(code)) {
                return Optional.of(department);
            }
        }
        return Optional.empty();
    }

    /** The group of this department at the place with this code (a district or sub-district code). */
    public String groupId(String placeCode) {
        return code + "-" + placeCode;
    }

    public String groupId(Place place) {
        if (place.kind() != level) {
            throw new IllegalArgumentException(this + " works for a " + level + ", not for " + place.code());
        }
        return groupId(place.code());
    }

    /** A group name staff recognise, e.g. 「学院路街道 居委会」. */
    public String groupName(Place place) {
        return place.name() + " " + chineseName;
    }
}
