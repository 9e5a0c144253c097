package org.gongzu.allowancework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The monthly hours as the civil affairs bureau's spreadsheet (.xlsx), in Chinese: one row per person and kind. */
final class AllowanceHoursSheet {

    static final String SHEET_NAME = "公益劳动时长";
    static final List<String> HEADERS = List.of("街道", "案卷号", "姓名", "身份证号码", "劳动类别", "时长（小时）", "月份");
    private static final int[] WIDTHS = {24, 20, 12, 22, 16, 14, 10};

    private AllowanceHoursSheet() {
    }

    /** The file name offered for download, e.g. 低保家庭公益劳动时长-2026-11.xlsx. */
    static String fileName(YearMonth month) {
        return "低保家庭公益劳动时长-" + month + ".xlsx";
    }

    static byte[] of(List<MonthlyHoursService.Row> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle hours = workbook.createCellStyle();
            hours.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
                head.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int r = 1;
            for (MonthlyHoursService.Row row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.subDistrictName());
                line.createCell(1).setCellValue(row.caseId());
                line.createCell(2).setCellValue(row.name());
                // text: an ID number is not a number, and its last character may be X
                line.createCell(3).setCellValue(row.idNumber());
                line.createCell(4).setCellValue(row.workKindName());
                line.createCell(5).setCellValue(row.hours().doubleValue());
                line.getCell(5).setCellStyle(hours);
                line.createCell(6).setCellValue(row.month());
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
