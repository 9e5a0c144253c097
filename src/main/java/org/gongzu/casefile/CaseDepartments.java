package org.gongzu.casefile;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The departments on a case: every group a task of one of its processes was ever routed to, from
 * the engine's history of task links (kept whole by the gongzu-audit history level, ADR 0014).
 */
@Component
public class CaseDepartments {

    private final JdbcTemplate jdbc;

    CaseDepartments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> of(String caseId) {
        return new TreeSet<>(jdbc.queryForList("select distinct L.GROUP_ID_ from ACT_HI_IDENTITYLINK L"
                + " join ACT_HI_PROCINST P on P.ROOT_PROC_INST_ID_ = L.ROOT_PROC_INST_ID_"
                + " where P.BUSINESS_KEY_ = ? and L.GROUP_ID_ is not null and L.TYPE_ = 'candidate'", String.class, caseId));
    }
}
