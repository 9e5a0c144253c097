package org.gongzu.webapp;

import java.util.List;

/** Who calls: the user and their groups, from HTTP Basic on /api or the webapps' session. */
public record Caller(String userId, List<String> groups) {
}
