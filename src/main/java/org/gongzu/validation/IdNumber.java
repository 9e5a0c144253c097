package org.gongzu.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Resident identity card numbers after GB 11643-1999: 17 digits and a check character. */
public final class IdNumber {

    private static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{16}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private IdNumber() {
    }

    /** Upper-cases a trailing x and strips blanks, as staff type them. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.strip().toUpperCase();
    }

    /** The earliest birth date a living resident's number may carry. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Anything in free text that looks like an identity number: 17 digits and a check character, or old 15-digit ones. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![0-9])([1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9Xx])");

    /**
     * The reason a number is not valid on {@code today}, in Chinese, or empty when it is valid: its
     * format, check character, and a birth date that exists, lies between 1900 and today.
     */
    public static Optional<String> problem(String number, LocalDate today) {
        Optional<String> problem = problem(number);
        if (problem.isPresent()) {
            return problem;
        }
        LocalDate born = birthDate(number).orElseThrow();
        if (born.isAfter(today)) {
            return Optional.of("其中的出生日期（第7至14位）晚于今天");
        }
        if (born.isBefore(EARLIEST_BIRTH_DATE)) {
            return Optional.of("其中的出生日期（第7至14位）早于1900年");
        }
        return Optional.empty();
    }

    /** Format, check character and a real birth date only; callers that know today use {@link #problem(String, LocalDate)}. */
    static Optional<String> problem(String number) {
        if (number == null || !FORMAT.matcher(number).matches()) {
            return Optional.of("应为18位，前17位为数字，最后一位为数字或X");
        }
        if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
            return Optional.of("校验位不正确，请核对号码");
        }
        if (birthDate(number).isEmpty()) {
            return Optional.of("其中的出生日期（第7至14位）不是有效日期");
        }
        return Optional.empty();
    }

    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The birth date written in positions 7 to 14, if it is a real date. */
    public static Optional<LocalDate> birthDate(String number) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Free text with every identity number in it masked, so a note never stores one in full. */
    public static String maskInText(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll(m -> mask(m.group(1)));
    }

    /** For logs and lists: keeps the first 6 and the last 2 characters, e.g. 110108**********2X. */
    public static String mask(String number) {
        if (number == null || number.length() < 9) {
            return "****";
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 8) + number.substring(number.length() - 2);
    }
}
