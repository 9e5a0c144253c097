package org.gongzu.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gongzu.place.Place;
import org.gongzu.place.PlaceRepository;
import org.springframework.stereotype.Component;

/** Every department of every place, as administrators look for them when adding staff. */
@Component
class DepartmentDirectory {

    /** One department of one place, e.g. 「海淀区学院路街道 居委会」 {@code rc-110108015}. */
    record DepartmentGroup(String groupId, String name, String department, String placeCode, String placeName) {

        private boolean matches(String term) {
            return groupId.toLowerCase(Locale.ROOT).contains(term) || name.contains(term);
        }
    }

    private final PlaceRepository places;

    DepartmentDirectory(PlaceRepository places) {
        this.places = places;
    }

    List<DepartmentGroup> all() {
        List<DepartmentGroup> groups = new ArrayList<>();
        for (Place place : places.findAll()) {
            for (Department department : Department.values()) {
                if (department.level() == place.kind()) {
                    groups.add(of(place, department));
                }
            }
        }
        return groups;
    }

    /** The departments whose id or name contains every word of the query (学院路 居委会, 110108). */
    List<DepartmentGroup> search(String query, int limit) {
        String[] terms = Arrays.stream(query == null ? new String[0] : query.trim().split("\\s+"))
                .filter(t -> !t.isEmpty()).map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return all().stream().filter(g -> Arrays.stream(terms).allMatch(g::matches)).limit(limit).toList();
    }

    /** The department of a place that this group id names, if both exist. */
    Optional<Resolved> find(String groupId) {
        int dash = groupId == null ? -1 : groupId.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        Optional<Department> department = Department.ofCode(groupId.substring(0, dash));
        Optional<Place> place = places.find(groupId.substring(dash + 1));
        if (department.isEmpty() || place.isEmpty() || department.get().level() != place.get().kind()) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(place.get(), department.get(), of(place.get(), department.get())));
    }

    record Resolved(Place place, Department department, DepartmentGroup group) {
    }

    private static DepartmentGroup of(Place place, Department department) {
        return new DepartmentGroup(department.groupId(place), department.groupName(place), department.chineseName(),
                place.code(), place.name());
    }
}
