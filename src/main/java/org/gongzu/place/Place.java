package org.gongzu.place;

/**
 * A district (区, 6-digit GB/T 2260 code) or a sub-district / township (街道/乡镇, 9-digit code whose
 * first six digits are its district).
 */
public record Place(String code, String name, Kind kind, String parentCode) {

    public enum Kind { DISTRICT, SUBDISTRICT }

    public static String districtOf(String subDistrictCode) {
        return subDistrictCode.substring(0, 6);
    }
}
