package org.gongzu.casefile;

/**
 * Which of a household's personal data a reader sees, field by field: what the reader's step needs
 * (docs/adr/0018). ID numbers are shown in full, masked (the first six and the last two characters) or not at all.
 */
public record HouseholdFields(boolean headName, Id headId, boolean memberNames, Id memberIds, boolean birthDates,
        boolean hukou, boolean employment, boolean allowance) {

    public enum Id { HIDDEN, MASKED, FULL }

    public static final HouseholdFields ALL = new HouseholdFields(true, Id.FULL, true, Id.FULL, true, true, true, true);

    /** What a reader in two departments sees: the more of each field. */
    public HouseholdFields or(HouseholdFields other) {
        return new HouseholdFields(headName || other.headName, max(headId, other.headId),
                memberNames || other.memberNames, max(memberIds, other.memberIds), birthDates || other.birthDates,
                hukou || other.hukou, employment || other.employment, allowance || other.allowance);
    }

    private static Id max(Id a, Id b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
