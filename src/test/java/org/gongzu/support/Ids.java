package org.gongzu.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.gongzu.validation.IdNumber;

/** Valid GB 11643 ID numbers of Haidian for a birth date and sex, with their check character. */
public final class Ids {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private Ids() {
    }

    public static String male(LocalDate born) {
        return of(born, true);
    }

    public static String female(LocalDate born) {
        return of(born, false);
    }

    /** A man's or a woman's, either. */
    public static String any(LocalDate born) {
        return of(born, ThreadLocalRandom.current().nextBoolean());
    }

    private static String of(LocalDate born, boolean male) {
        int sequence = ThreadLocalRandom.current().nextInt(0, 50) * 2 + (male ? 1 : 0);
        String first17 = "110108" + born.format(DAY) + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
