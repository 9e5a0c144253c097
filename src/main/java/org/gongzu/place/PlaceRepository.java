package org.gongzu.place;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads and adds the places that cases are routed by. */
@Repository
public class PlaceRepository {

    private static final RowMapper<Place> MAPPER = (rs, i) -> new Place(rs.getString("code"),
            rs.getString("name"), Place.Kind.valueOf(rs.getString("kind")), rs.getString("parent_code"));

    private final JdbcTemplate jdbc;

    PlaceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Place> findAll() {
        return jdbc.query("select code, name, kind, parent_code from place order by code", MAPPER);
    }

    public Optional<Place> find(String code) {
        return jdbc.query("select code, name, kind, parent_code from place where code = ?", MAPPER, code)
                .stream().findFirst();
    }

    /** Adds a sub-district of an existing district unless it is there already. */
    public void addSubDistrictIfAbsent(String code, String name) {
        if (find(code).isEmpty()) {
            jdbc.update("insert into place (code, name, kind, parent_code) values (?, ?, 'SUBDISTRICT', ?)",
                    code, name, Place.districtOf(code));
        }
    }
}
