package org.gongzu.modeling;

import java.util.Collection;

import org.gongzu.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may change the running system's models: process managers and administrators. Supervisors
 * (municipal and district) read the deployment audit, because they oversee what changed and why.
 */
final class ModelAccess {

    static final String MANAGERS_ONLY = "只有流程管理员可以查看和修改流程模型";
    static final String AUDIT_READERS = "只有流程管理员和监督人员可以查看模型部署记录";

    private ModelAccess() {
    }

    static void mayManage(Collection<String> groups) {
        if (!isManager(groups)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, MANAGERS_ONLY);
        }
    }

    static void mayReadAudit(Collection<String> groups) {
        if (!isManager(groups) && !groups.contains(Roles.SUPERVISOR)
                && groups.stream().noneMatch(g -> g.startsWith(Roles.DISTRICT_SUPERVISOR_PREFIX))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, AUDIT_READERS);
        }
    }

    private static boolean isManager(Collection<String> groups) {
        return groups.contains(Roles.ADMIN) || groups.contains(Roles.PROCESS_MANAGER);
    }
}
