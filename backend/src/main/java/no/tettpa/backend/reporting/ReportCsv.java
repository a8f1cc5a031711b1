package no.tettpa.backend.reporting;

import no.tettpa.backend.reporting.model.YearlyReport;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The yearly report as CSV the Norwegian way: UTF-8 with a byte-order mark (so Excel reads æøå right), fields
 * separated by semicolons (the comma is the decimal separator: shares are written {@code 71,4}), CRLF line ends,
 * fields quoted when they hold a semicolon, a quote or a line break (RFC 4180). One row per figure; a suppressed
 * figure shows {@code <5} (primary) or {@code x} (complementary) in {@code value} and says which in
 * {@code suppressed}. The indicator's comment is repeated on each of its rows, so every row stands alone.
 */
public final class ReportCsv {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    static final List<String> HEADER = List.of("municipality_number", "municipality", "year", "preliminary", "scope",
            "indicator", "description", "figure", "label", "value", "suppressed", "comment");

    private ReportCsv() {}

    public static byte[] write(YearlyReportService.ReportView r) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        for (YearlyReportService.IndicatorView i : r.indicators()) {
            for (YearlyReport.Figure f : i.figures()) {
                line(out, List.of(r.municipalityNumber(), r.municipalityName(), String.valueOf(r.year()),
                        r.preliminary() ? "yes" : "no", r.scope(), i.id(), i.description(), f.id(), f.label(),
                        f.display(), f.suppressed() == null ? "" : f.suppressed(),
                        i.comment() == null ? "" : i.comment().text()));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(';');
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String v) {
        if (v == null) return "";
        if (v.indexOf(';') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
