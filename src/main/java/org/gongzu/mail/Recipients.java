package org.gongzu.mail;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.gongzu.engine.SystemActions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The members of a group who have an e-mail address, as the engine's identity service knows them. */
@Component
class Recipients {

    record Recipient(String userId, String address) {
    }

    private static final int MAX_MEMBERS = 500;

    // looked up when first needed: the engine that provides it is built with the arrival listener
    private final ObjectProvider<IdentityService> identity;

    Recipients(ObjectProvider<IdentityService> identity) {
        this.identity = identity;
    }

    /** Read as the system: who is mailed does not depend on who caused the mail. */
    List<Recipient> membersOf(String groupId) {
        return SystemActions.run(() -> identity.getObject().createUserQuery().memberOfGroup(groupId)
                .orderByUserId().asc().listPage(0, MAX_MEMBERS)).stream()
                .filter(u -> StringUtils.hasText(u.getEmail()))
                .map(u -> new Recipient(u.getId(), u.getEmail().strip())).toList();
    }

    /** A group's name staff read, e.g. 「海淀区学院路街道 居委会」, or its id. */
    String groupName(String groupId) {
        var group = SystemActions.run(() -> identity.getObject().createGroupQuery().groupId(groupId).singleResult());
        return group == null || group.getName() == null ? groupId : group.getName();
    }
}
