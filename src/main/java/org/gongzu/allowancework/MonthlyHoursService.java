package org.gongzu.allowancework;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gongzu.allowancework.AllowanceWorkRepository.Hours;
import org.gongzu.identity.Department;
import org.gongzu.identity.Roles;
import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.gongzu.validation.IdNumber;
import org.gongzu.validation.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly public-service hours per person for the civil affairs bureau (clause 8): only
 * confirmed hours count, and an entry across midnight at a month's end counts in each month for the
 * part that lies in it. Readers see the places their department works for.
 */
@Service
@Transactional(readOnly = true)
public class MonthlyHoursService {

    /** One person's confirmed hours of one kind of work in a month. */
    public record Row(String subDistrictCode, String subDistrictName, String caseId, int memberSeq, String name,
            String idNumber, String workKind, String workKindName, BigDecimal hours, String month) {
    }

    /**
     * What a reader may read: every place (administrators, supervisors), the districts of their civil
     * affairs bureaus, the sub-districts of their sub-district offices. Full ID numbers go to the civil
     * affairs bureau of the person's district and administrators; others see them masked.
     */
    public record Reader(boolean everywhere, boolean fullIdsEverywhere, Set<String> districts, Set<String> subDistricts) {

        public static Reader of(Collection<String> groups) {
            boolean admin = groups.contains(Roles.ADMIN);
            Set<String> districts = new TreeSet<>();
            Set<String> subDistricts = new TreeSet<>();
            for (String group : groups) {
                place(group, Department.CIVIL_AFFAIRS, 6).ifPresent(districts::add);
                place(group, Department.SUBDISTRICT_OFFICE, 9).ifPresent(subDistricts::add);
            }
            return new Reader(admin || groups.contains(Roles.SUPERVISOR), admin, Set.copyOf(districts),
                    Set.copyOf(subDistricts));
        }

        public boolean mayRead() {
            return everywhere || !districts.isEmpty() || !subDistricts.isEmpty();
        }

        boolean seesFullId(String districtCode) {
            return fullIdsEverywhere || districts.contains(districtCode);
        }

        private static java.util.Optional<String> place(String group, Department department, int digits) {
            String prefix = department.code() + "-";
            String code = group.startsWith(prefix) ? group.substring(prefix.length()) : "";
            return code.matches("[0-9]{" + digits + "}") ? java.util.Optional.of(code) : java.util.Optional.empty();
        }
    }

    private final AllowanceWorkRepository works;
    private final PlaceRepository places;

    MonthlyHoursService(AllowanceWorkRepository works, PlaceRepository places) {
        this.works = works;
        this.places = places;
    }

    /** The month a caller asked for, e.g. 2026-11; refused in Chinese naming the field. */
    public static YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("month", "「月份」为必填项，格式：年-月，例如 2026-11");
        }
        try {
            return YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "「月份」格式不正确，应为 年-月，例如 2026-11");
        }
    }

    /** The month's sums per person and kind of work, by sub-district, case and member. */
    public List<Row> monthly(YearMonth month, Reader reader) {
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        Map<List<Object>, Long> seconds = new LinkedHashMap<>();
        Map<List<Object>, Hours> people = new HashMap<>();
        for (Hours h : works.confirmedBetween(from, to, reader.everywhere(), reader.districts(), reader.subDistricts())) {
            LocalDateTime start = h.startedAt().isBefore(from) ? from : h.startedAt();
            LocalDateTime end = h.endedAt().isAfter(to) ? to : h.endedAt();
            List<Object> key = List.of(h.subDistrictCode(), h.caseId(), h.idNumber(), h.kind());
            seconds.merge(key, Duration.between(start, end).toSeconds(), Long::sum);
            people.put(key, h); // the latest entry's name and number, as the member is now known
        }
        Map<String, String> names = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        seconds.forEach((key, total) -> {
            Hours h = people.get(key);
            String subDistrictName = names.computeIfAbsent(h.subDistrictCode(),
                    code -> places.find(code).map(Place::name).orElse(code));
            rows.add(new Row(h.subDistrictCode(), subDistrictName, h.caseId(), h.memberSeq(), h.memberName(),
                    reader.seesFullId(h.districtCode()) ? h.idNumber() : IdNumber.mask(h.idNumber()), h.kind().name(),
                    h.kind().chineseName(), WorkHoursService.hours(total), month.toString()));
        });
        rows.sort(java.util.Comparator.comparing(Row::subDistrictCode).thenComparing(Row::caseId)
                .thenComparingInt(Row::memberSeq).thenComparing(row -> WorkKind.valueOf(row.workKind())));
        return rows;
    }
}
