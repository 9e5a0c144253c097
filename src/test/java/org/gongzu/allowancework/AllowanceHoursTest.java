package org.gongzu.allowancework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzu.allowancework.AllowanceFixture.adult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongzu.household.Member;
import org.gongzu.support.GongzuTest;
import org.gongzu.support.MoveInFixture;
import org.gongzu.support.WebappSession;
import org.gongzu.validation.IdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The monthly hours for the civil affairs bureau (clause 8): confirmed hours summed per person and
 * kind of work, an entry across a month's end split at midnight, as JSON and as the .xlsx sheet,
 * for the departments that may read them.
 */
@GongzuTest
class AllowanceHoursTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOURS = "/api/allowance-work/hours";

    /** One household's hours, made once for the class: its case id and its members. */
    private static String caseId;
    private static Member first;
    private static Member second;

    @Autowired AllowanceFixture fixture;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void hoursOfOneHousehold() {
        if (caseId != null) {
            return;
        }
        first = adult(1, "陈低保", true);
        second = adult(2, "陈二", true);
        String id = fixture.registered(MoveInFixture.SUB_DISTRICT, first, second);
        ProcessInstance pi = fixture.started(id);
        fixture.arrange(pi, "1", "2");
        // across the month's end: 2 h in October, 2 h in November
        fixture.record(pi, 1, "SECURITY_WATCH", "2026-10-31T22:00", "2026-11-01T02:00");
        fixture.confirm(pi);
        fixture.record(pi, 1, "SECURITY_WATCH", "2026-11-02T08:00", "2026-11-02T11:30");
        fixture.confirm(pi);
        fixture.record(pi, 1, "CLEANING", "2026-11-03T09:00", "2026-11-03T10:00");
        fixture.confirm(pi);
        // returned, and recorded but not yet confirmed: neither counts
        fixture.record(pi, 2, "CARE", "2026-11-04T14:00", "2026-11-04T16:15");
        fixture.returnHours(pi, "时长有误");
        fixture.record(pi, 2, "CARE", "2026-11-05T14:00", "2026-11-05T16:15");
        caseId = id;
    }

    @Test
    void confirmedHoursAreSummedPerPersonAndKindAndAnEntryAcrossTheMonthsEndIsSplitAtMidnight() throws Exception {
        List<JsonNode> november = rows("hdcivil", "2026-11");
        assertThat(november).hasSize(2);
        assertThat(november.get(0).path("workKindName").asText()).isEqualTo("治安值班");
        assertThat(november.get(0).path("hours").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(november.get(0).path("name").asText()).isEqualTo("陈低保");
        assertThat(november.get(0).path("idNumber").asText()).isEqualTo(first.idNumber());
        assertThat(november.get(0).path("subDistrictName").asText()).isEqualTo("海淀区学院路街道");
        assertThat(november.get(1).path("workKindName").asText()).isEqualTo("打扫公共卫生");
        assertThat(november.get(1).path("hours").decimalValue()).isEqualByComparingTo("1");

        List<JsonNode> october = rows("hdcivil", "2026-10");
        assertThat(october).singleElement().satisfies(row -> {
            assertThat(row.path("hours").decimalValue()).isEqualByComparingTo("2");
            assertThat(row.path("month").asText()).isEqualTo("2026-10");
        });
        assertThat(rows("hdcivil", "2026-12")).isEmpty();
    }

    @Test
    void theCivilAffairsBureauDownloadsTheMonthAsAChineseSpreadsheet() throws IOException {
        ResponseEntity<byte[]> download = http.withBasicAuth("hdcivil", "demo")
                .getForEntity(HOURS + ".xlsx?month=2026-11", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("低保家庭公益劳动时长-2026-11.xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getBody()))) {
            Sheet sheet = workbook.getSheet("公益劳动时长");
            assertThat(sheet).isNotNull();
            assertThat(texts(sheet.getRow(0))).containsExactly("街道", "案卷号", "姓名", "身份证号码", "劳动类别", "时长（小时）", "月份");
            List<Row> ours = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && caseId.equals(row.getCell(1).getStringCellValue())) {
                    ours.add(row);
                }
            }
            assertThat(ours).hasSize(2);
            Row watch = ours.get(0);
            assertThat(watch.getCell(0).getStringCellValue()).isEqualTo("海淀区学院路街道");
            assertThat(watch.getCell(2).getStringCellValue()).isEqualTo("陈低保");
            assertThat(watch.getCell(3).getStringCellValue()).isEqualTo(first.idNumber());
            assertThat(watch.getCell(4).getStringCellValue()).isEqualTo("治安值班");
            assertThat(watch.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(watch.getCell(5).getNumericCellValue()).isEqualTo(5.5);
            assertThat(watch.getCell(6).getStringCellValue()).isEqualTo("2026-11");
            assertThat(ours.get(1).getCell(4).getStringCellValue()).isEqualTo("打扫公共卫生");
            assertThat(ours.get(1).getCell(5).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void theDistrictsCivilAffairsBureauAndTheSubDistrictOfficeReadTheHoursOtherPlacesAndDepartmentsDoNot()
            throws Exception {
        assertThat(rows("cycivil", "2026-11")).isEmpty();
        assertThat(rows("cysdo", "2026-11")).isEmpty();
        // the sub-district office and supervisors see the person, with the ID number masked
        for (String reader : List.of("hdsdo", "supervisor")) {
            assertThat(rows(reader, "2026-11")).as(reader).hasSize(2)
                    .allSatisfy(row -> assertThat(row.path("idNumber").asText()).isEqualTo(IdNumber.mask(first.idNumber())));
        }
        assertThat(rows("demo", "2026-11")).hasSize(2)
                .allSatisfy(row -> assertThat(row.path("idNumber").asText()).isEqualTo(first.idNumber()));

        for (String other : List.of("hdrc", "hdsso", "hdpolice", "hdedu", "hdowner")) {
            for (String path : List.of(HOURS + "?month=2026-11", HOURS + ".xlsx?month=2026-11")) {
                ResponseEntity<String> refused = http.withBasicAuth(other, "demo").getForEntity(path, String.class);
                assertThat(refused.getStatusCode()).as(other + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(refused.getBody()).contains("无权查看低保家庭公益劳动工时");
            }
        }
        assertThat(http.getForEntity(HOURS + ".xlsx?month=2026-11", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(HOURS + "?month=2026-11", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aMonthThatIsNotYearAndMonthIsRefusedNamingTheField() throws Exception {
        for (String query : List.of("?month=2026-13", "?month=11/2026", "")) {
            for (String path : List.of(HOURS, HOURS + ".xlsx")) {
                ResponseEntity<String> refused = http.withBasicAuth("hdcivil", "demo").getForEntity(path + query,
                        String.class);
                assertThat(refused.getStatusCode()).as(path + query).isEqualTo(HttpStatus.BAD_REQUEST);
                JsonNode body = JSON.readTree(refused.getBody());
                assertThat(body.path("message").asText()).as(path + query).contains("「月份」");
                assertThat(body.path("fields").get(0).path("field").asText()).isEqualTo("month");
            }
        }
    }

    @Test
    void theWebappsReadTheSameSumsWithTheirSession() throws Exception {
        WebappSession session = WebappSession.login(http, "hdcivil");
        var response = session.get("/camunda/api/gongzu/allowance-work/hours?month=2026-11");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ours(JSON.readTree(response.body()))).hasSize(2);
        var sheet = session.get("/camunda/api/gongzu/allowance-work/hours.xlsx?month=2026-11", "*/*");
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(new WebappSession(http.getRootUri()).get("/camunda/api/gongzu/allowance-work/hours?month=2026-11")
                .statusCode()).isEqualTo(401);
    }

    private List<JsonNode> rows(String user, String month) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(HOURS + "?month=" + month,
                String.class);
        assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.path("month").asText()).isEqualTo(month);
        return ours(body);
    }

    /** The rows of this class's household (other tests share the database). */
    private static List<JsonNode> ours(JsonNode body) {
        List<JsonNode> ours = new ArrayList<>();
        body.path("rows").forEach(row -> {
            if (caseId.equals(row.path("caseId").asText())) {
                ours.add(row);
            }
        });
        return ours;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }
}
