package org.gongzu.identity;

import org.gongzu.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.support.MoveInFixture.OTHER_SUB_DISTRICT;
import static org.gongzu.support.MoveInFixture.SUB_DISTRICT;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.TestUsers;
import org.gongzu.support.MoveInFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Gongzu's scripts in Cockpit and Admin ask of the server (docs/adr/0009), over HTTP with the
 * webapps' session login: the department picker for administrators only, the actions a user may
 * perform, group names; and the Chinese error pages and the quiet login probe.
 */
@GongzuTest
class WebappIdentityTest {

    private static final String API = "/camunda/api/gongzu/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired MoveInFixture fixture;
    @Autowired TestRestTemplate rest;

    @Test
    void administratorFindsADepartmentByPlaceDepartmentOrCode() throws Exception {
        WebappSession admin = session("demo", "admin");
        for (String query : List.of("学院路", "居委会", "110108", "学院路 居委会", "RC-110108015")) {
            List<Map<String, Object>> found = JSON.readValue(
                    admin.get(API + "departments?q=" + java.net.URLEncoder.encode(query, "UTF-8"), "application/json")
                            .body(), new TypeReference<>() { });
            assertThat(found).as(query).anySatisfy(group -> {
                assertThat(group).containsEntry("groupId", "rc-110108015").containsEntry("name", "海淀区学院路街道 居委会");
            });
        }
    }

    @Test
    void administratorAddsStaffToADepartmentInOneStepAndTheyWorkItsTasks() throws Exception {
        String userId = newUser();
        Task own = fixture.registrationTaskIn(SUB_DISTRICT);
        Task other = fixture.registrationTaskIn(OTHER_SUB_DISTRICT);

        HttpResponse<String> added = session("demo", "admin").postJson(API + "department-members",
                "{\"userId\":\"" + userId + "\",\"groupId\":\"rc-110108015\"}");

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("海淀区学院路街道 居委会").contains("\"added\":true");
        // the department alone: no second membership in staff
        assertThat(identityService.createGroupQuery().groupMember(userId).list()).extracting(g -> g.getId())
                .containsExactly("rc-110108015");
        // Tasklist opens, and shows the department's task of its own place only
        assertThat(new WebappSession(port).login(userId, "tasklist")).isEqualTo(200);
        String tasks = rest.withBasicAuth(userId, "demo").getForObject("/engine-rest/task?maxResults=200", String.class);
        assertThat(tasks).contains(own.getId()).doesNotContain(other.getId());
        String filters = rest.withBasicAuth(userId, "demo").getForObject("/engine-rest/filter?maxResults=20", String.class);
        assertThat(filters).contains(AccessBootstrap.FILTER_DEPARTMENT, AccessBootstrap.FILTER_MINE);
    }

    @Test
    void aForgedRequestWithoutTheCsrfTokenAddsNobody() {
        String userId = newUser();
        WebappSession admin = session("demo", "admin");
        String body = "{\"userId\":\"" + userId + "\",\"groupId\":\"police-110105028\"}";
        assertThat(admin.postJsonWithoutCsrfToken(API + "department-members", body).statusCode()).isEqualTo(403);
        assertThat(identityService.createGroupQuery().groupMember(userId).count()).isZero();
    }

    @Test
    void addingTwiceKeepsOneMembership() {
        String userId = newUser();
        WebappSession admin = session("demo", "admin");
        String body = "{\"userId\":\"" + userId + "\",\"groupId\":\"police-110105028\"}";
        assertThat(admin.postJson(API + "department-members", body).body()).contains("\"added\":true");
        assertThat(admin.postJson(API + "department-members", body).body()).contains("\"added\":false");
        assertThat(identityService.createGroupQuery().groupMember(userId).count()).isEqualTo(1);
    }

    @Test
    void onlyDepartmentGroupsOfKnownPlacesAndExistingUsersAreAccepted() {
        String userId = newUser();
        WebappSession admin = session("demo", "admin");

        HttpResponse<String> toAdmins = admin.postJson(API + "department-members",
                "{\"userId\":\"" + userId + "\",\"groupId\":\"camunda-admin\"}");
        assertThat(toAdmins.statusCode()).isEqualTo(400);
        assertThat(toAdmins.body()).contains("\"field\":\"groupId\"").contains("部门");

        HttpResponse<String> unknownPlace = admin.postJson(API + "department-members",
                "{\"userId\":\"" + userId + "\",\"groupId\":\"rc-110108999\"}");
        assertThat(unknownPlace.statusCode()).isEqualTo(400);

        HttpResponse<String> noUser = admin.postJson(API + "department-members",
                "{\"userId\":\"nobody-" + UUID.randomUUID() + "\",\"groupId\":\"rc-110108015\"}");
        assertThat(noUser.statusCode()).isEqualTo(400);
        assertThat(noUser.body()).contains("\"field\":\"userId\"").contains("不存在");

        HttpResponse<String> malformed = admin.postJson(API + "department-members", "{\"userId\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("JSON").doesNotContain("Exception", "MembershipRequest");

        assertThat(identityService.createGroupQuery().groupMember(userId).count()).isZero();
    }

    @Test
    void nobodyButAnAdministratorMayAddStaff() {
        String userId = newUser();
        String body = "{\"userId\":\"" + userId + "\",\"groupId\":\"rc-110108015\"}";
        for (String[] user : new String[][] {{"hdrc", "tasklist"}, {"supervisor", "cockpit"}, {"manager", "cockpit"}}) {
            WebappSession session = session(user[0], user[1]);
            HttpResponse<String> refused = session.postJson(API + "department-members", body);
            assertThat(refused.statusCode()).as(user[0]).isEqualTo(403);
            assertThat(refused.body()).contains("您没有执行此操作的权限");
            assertThat(session.get(API + "departments?q=110108", "application/json").statusCode()).isEqualTo(403);
        }
        assertThat(new WebappSession(port).get(API + "departments?q=110108", "application/json").statusCode())
                .isEqualTo(401);
        assertThat(identityService.createGroupQuery().groupMember(userId).count()).isZero();
    }

    @Test
    void theSupervisorMayPerformNoChangingActionTheManagerSomeTheAdministratorAll() throws Exception {
        Map<String, Boolean> supervisor = actions(session("supervisor", "cockpit"));
        Map<String, Boolean> manager = actions(session("manager", "cockpit"));
        Map<String, Boolean> admin = actions(session("demo", "cockpit"));

        assertThat(supervisor).isNotEmpty().containsKeys("definition-suspend", "instance-delete", "instance-variable");
        // reading the deployment audit is the supervisors' one action, and it changes nothing
        assertThat(supervisor).containsEntry("model-audit", true);
        Map<String, Boolean> changing = new java.util.HashMap<>(supervisor);
        changing.remove("model-audit");
        assertThat(changing.values()).containsOnly(false);
        assertThat(manager).containsEntry("definition-suspend", true).containsEntry("deployment-delete", true)
                .containsEntry("batch-delete", false);
        assertThat(admin.values()).containsOnly(true);
    }

    @Test
    void groupNamesAreChinese() {
        String names = session("supervisor", "cockpit").get(API + "group-names", "application/json").body();
        assertThat(names).contains("\"rc-110108015\":\"海淀区学院路街道 居委会\"", "\"edu-110108\":\"海淀区 区教委\"",
                "\"supervisor\":\"市级监督\"", "\"camunda-admin\":\"系统管理员\"");
        assertThat(identityService.createGroupQuery().groupId(Roles.ADMIN).singleResult().getName()).isEqualTo("系统管理员");
    }

    @Test
    void everyDepartmentGroupOpensTasklistWithoutTheStaffRole() {
        List<String> departmentGroups = identityService.createGroupQuery().groupType("DEPARTMENT").listPage(0, 2000)
                .stream().map(g -> g.getId()).toList();
        assertThat(departmentGroups).contains("rc-110108015", "edu-110105");
        for (String group : departmentGroups) {
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.ACCESS,
                    Resources.APPLICATION, "tasklist")).as(group).isTrue();
        }
    }

    @Test
    void aDepartmentUserOpeningCockpitGetsAChinesePage() {
        WebappSession hdrc = session("hdrc", "tasklist");
        HttpResponse<String> cockpit = hdrc.get("/camunda/app/cockpit/default/", "text/html");
        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.body()).contains("没有访问权限", "返回首页", "href=\"/\"")
                .doesNotContain("Whitelabel", "No access rights", "cockpit", "Exception");
        HttpResponse<String> admin = hdrc.get("/camunda/app/admin/default/", "text/html");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("没有访问权限");
    }

    @Test
    void unknownPagesAndOtherErrorsAnswerInChineseToo() {
        WebappSession anyone = new WebappSession(port);
        HttpResponse<String> missing = anyone.get("/camunda/app/nothing-here", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在", "返回首页").doesNotContain("Whitelabel", "No static resource");
        HttpResponse<String> unauthorized = anyone.get("/engine-rest/task", "text/html");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.body()).doesNotContain("Whitelabel");
    }

    @Test
    void theLoginProbeAnswersNoContentUntilSomeoneLogsIn() {
        WebappSession browser = new WebappSession(port);
        HttpResponse<String> before = browser.get("/camunda/api/admin/auth/user/default", "application/json");
        assertThat(before.statusCode()).isEqualTo(204);
        assertThat(before.body()).isEmpty();
        browser.login("supervisor", "cockpit");
        HttpResponse<String> after = browser.get("/camunda/api/admin/auth/user/default", "application/json");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("\"userId\":\"supervisor\"");
    }

    private Map<String, Boolean> actions(WebappSession session) throws Exception {
        return JSON.readValue(session.get(API + "actions", "application/json").body(), new TypeReference<>() { });
    }

    private WebappSession session(String user, String app) {
        WebappSession session = new WebappSession(port);
        assertThat(session.login(user, app)).as("login of " + user).isEqualTo(200);
        return session;
    }

    private String newUser() {
        return TestUsers.create(identityService, "new", "demo");
    }
}
