package org.gongzu.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.ProjectFixture;
import org.gongzu.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The project API: registration by the district housing department over REST, and the project's
 * case view for the departments on the project and supervisors, by HTTP Basic and by webapp session.
 */
@GongzuTest
class ProjectApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;

    @Test
    void theHousingDepartmentRegistersAProjectOverRestAndTheDepartmentsOnItReadItsCase() throws Exception {
        String id = ProjectFixture.newProjectId();
        Map<String, Object> body = ProjectFixture.registration(id, LocalDate.now().plusDays(45),
                FacilityType.KINDERGARTEN, FacilityType.POLICE_ROOM, FacilityType.SERVICE_STATION);
        ResponseEntity<String> created = http.withBasicAuth("hdhousing", "demo").postForEntity("/api/projects", body,
                String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(JSON.readTree(created.getBody()).path("projectId").asText()).isEqualTo(id);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/projects/" + id);

        for (String reader : new String[] {"hdedu", "hdpolice", "hdowner", "hdcivil", "supervisor", "demo"}) {
            ResponseEntity<String> view = http.withBasicAuth(reader, "demo").getForEntity("/api/projects/" + id, String.class);
            assertThat(view.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
        }
        JsonNode view = JSON.readTree(http.withBasicAuth("hdedu", "demo").getForObject("/api/projects/" + id, String.class));
        assertThat(view.path("name").asText()).isEqualTo("测试项目 " + id);
        assertThat(view.path("subDistrict").path("name").asText()).isEqualTo("海淀区学院路街道");
        assertThat(view.path("facilities")).hasSize(3);
        JsonNode kindergarten = view.path("facilities").get(0);
        assertThat(kindergarten.path("typeName").asText()).isEqualTo("幼儿园");
        assertThat(kindergarten.path("receivingDepartmentName").asText()).isEqualTo("海淀区 区教委");
        assertThat(kindergarten.path("statusName").asText()).isEqualTo("待移交");
        assertThat(view.path("openSteps")).hasSize(3);
        assertThat(view.path("openSteps").get(0).path("name").asText()).startsWith("准备移交：");
        assertThat(view.path("openSteps").get(0).path("departments").toString()).contains("产权单位");
    }

    @Test
    void facilityTypesMayComeAsTextSeparatedByCommasAndUnknownOrRepeatedOnesAreRefused() throws Exception {
        String id = ProjectFixture.newProjectId();
        Map<String, Object> body = new java.util.HashMap<>(ProjectFixture.registration(id, LocalDate.now().plusDays(45)));
        body.put("facilityTypes", "KINDERGARTEN, POLICE_ROOM");
        ResponseEntity<String> created = http.withBasicAuth("hdhousing", "demo").postForEntity("/api/projects", body,
                String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(JSON.readTree(http.withBasicAuth("hdhousing", "demo").getForObject("/api/projects/" + id,
                String.class)).path("facilities")).hasSize(2);

        for (Object wrong : new Object[] {java.util.List.of("KINDERGARTEN", "KINDERGARTEN"), "SWIMMING_POOL",
                java.util.List.of(), java.util.List.of(7)}) {
            body.put("projectId", ProjectFixture.newProjectId());
            body.put("facilityTypes", wrong);
            ResponseEntity<String> refused = http.withBasicAuth("hdhousing", "demo").postForEntity("/api/projects", body,
                    String.class);
            assertThat(refused.getStatusCode()).as(String.valueOf(wrong)).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(String.valueOf(wrong)).contains("facilityTypes", "规划配套设施");
        }
    }

    @Test
    void departmentsOfOtherPlacesStrangersAndOtherDepartmentsCannotRegisterOrRead() {
        String id = ProjectFixture.newProjectId();
        Map<String, Object> body = ProjectFixture.registration(id, LocalDate.now().plusDays(45), FacilityType.KINDERGARTEN);
        // the owner may not register projects; a housing department only in its own district
        assertThat(http.withBasicAuth("hdowner", "demo").postForEntity("/api/projects", body, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> otherDistrict = http.withBasicAuth("cyhousing", "demo").postForEntity("/api/projects", body,
                String.class);
        assertThat(otherDistrict.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherDistrict.getBody()).contains("subDistrictCode").contains("无权登记");
        assertThat(http.postForEntity("/api/projects", body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(http.withBasicAuth("hdhousing", "demo").postForEntity("/api/projects", body, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> again = http.withBasicAuth("hdhousing", "demo").postForEntity("/api/projects", body,
                String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody()).contains("已登记过");

        for (String stranger : new String[] {"cyedu", "cypolice", "manager"}) {
            ResponseEntity<String> view = http.withBasicAuth(stranger, "demo").getForEntity("/api/projects/" + id,
                    String.class);
            assertThat(view.getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(view.getBody()).as(stranger).doesNotContain("测试项目");
        }
        assertThat(http.getForEntity("/api/projects/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("hdedu", "demo").getForEntity("/api/projects/NO-SUCH", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theWebappsReadTheProjectWithTheirSessionAndNoLoginDialog() throws Exception {
        String id = ProjectFixture.newProjectId();
        http.withBasicAuth("hdhousing", "demo").postForEntity("/api/projects",
                ProjectFixture.registration(id, LocalDate.now().plusDays(45), FacilityType.HEALTH_STATION), String.class);

        WebappSession health = WebappSession.login(http, "hdhealth");
        var view = health.get("/camunda/api/gongzu/projects/" + id);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(view.body()).path("facilities").get(0).path("receivingDepartment").asText())
                .isEqualTo("health");
        assertThat(view.headers().firstValue("WWW-Authenticate")).isEmpty();

        WebappSession other = WebappSession.login(http, "cyhealth");
        assertThat(other.get("/camunda/api/gongzu/projects/" + id).statusCode()).isEqualTo(404);
        var anonymous = new WebappSession(http.getRootUri()).get("/camunda/api/gongzu/projects/" + id);
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    }
}
