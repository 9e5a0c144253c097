package org.gongzu.monitoring;

import java.util.Collection;
import java.util.Optional;

import org.gongzu.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who sees the monitoring (clause 2: the city and the districts supervise): municipal supervisors
 * and administrators every district, a district's supervisors their own district only, nobody else
 * anything. Everything is read-only; targets are set by process managers.
 */
final class MonitoringAccess {

    static final String REFUSED = "只有市级或区级监督人员可以查看流程监控";
    static final String OTHER_DISTRICT = "「区」不是您所监督的区";

    private MonitoringAccess() {
    }

    /** The filter as the caller may ask it: a district supervisor's is kept to the district; others are refused. */
    static MonitoringFilter scoped(Collection<String> groups, MonitoringFilter filter) {
        if (groups == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        if (groups.contains(Roles.ADMIN) || groups.contains(Roles.SUPERVISOR)) {
            return filter;
        }
        Optional<String> district = groups.stream().filter(g -> g.startsWith(Roles.DISTRICT_SUPERVISOR_PREFIX))
                .map(g -> g.substring(Roles.DISTRICT_SUPERVISOR_PREFIX.length())).filter(c -> c.matches("\\d{6}"))
                .findFirst();
        if (district.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, REFUSED);
        }
        if (filter.district() != null && !filter.district().equals(district.get())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, OTHER_DISTRICT);
        }
        if (filter.subDistrict() != null && !filter.subDistrict().startsWith(district.get())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, OTHER_DISTRICT);
        }
        return filter.inDistrict(district.get());
    }

    /** Targets are the process managers' (and administrators') to set. */
    static void mayChangeTargets(Collection<String> groups) {
        if (groups == null || !(groups.contains(Roles.ADMIN) || groups.contains(Roles.PROCESS_MANAGER))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有流程管理员可以设置办理目标");
        }
    }
}
