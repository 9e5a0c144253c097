package org.gongzu.caseview;

import java.util.List;

/** Who calls: the user and their groups, from HTTP Basic on /api or the webapps' session. */
record Caller(String userId, List<String> groups) {
}
