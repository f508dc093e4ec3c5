package no.samrad.material.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that Excel opens correctly in a Norwegian locale: UTF-8 with a byte-order mark, semicolons
 * between fields, CRLF between lines. A field that would start a formula is prefixed with an
 * apostrophe, so that a title cannot run as a formula in a spreadsheet.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    static String of(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder().append(BYTE_ORDER_MARK);
        csv.append(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(";")) + "\r\n";
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
