package no.tettpa.backend.reporting;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.FieldData;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.FieldData.housing;
import static no.tettpa.backend.support.FieldData.legalStep;
import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yearly report of last year (Y) over HTTP, with the suppression threshold set to 2 so that single households
 * are suppressed and the rest can be checked by hand. Housing First (h1–h5) and Boveiledning (h6–h9):
 * <pre>
 * h1 homeless (Y-1) → temporary 1 Feb → permanent 15 Jun      h6 other from 1 May
 * h2 family at risk (Y-1) → permanent 1 Sep                   h7 permanent since Y-1
 * h3 homeless from 1 Mar                                      h8 temporary since Aug Y-1
 * h4 family in temporary accommodation from 15 Nov            h9 at_risk 1 Apr corrected into homeless 1 Apr
 * h5 unsuitable since Y-1
 * Arrears: h2 petition 10 May; h5 petition Y-1 and eviction 20 Jan; h6 petition 15 Mar.
 * </pre>
 * Municipality: A at 1 Jan 2 (h1, h8), at 31 Dec 4 (h3, h4, h8, h9), housed 1 (h1); temporary during the year 3
 * (h1, h4, h8), over 3 months 2 (h1, h8); known at 31 Dec 9, permanent 3 (h1, h2, h7): 33.3 %.
 */
class YearlyReportApiTest extends ApiTest {
    static final int Y = FieldData.today().getYear() - 1;

    TestTenants.Tenant tenant;
    UUID bv;
    Staff kari, bente, lise, otto, anne;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("tettpa.reporting.suppression-threshold", "2");
    }

    static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @BeforeAll
    void data() {
        tenant = tenants.create();
        bv = tenant.team("Boveiledning", "boveiledning", false);
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        bente = tenant.staff("Bente", "field-worker", bv);
        lise = tenant.staff("Lise", "team-leader", tenant.teamId);
        otto = tenant.staff("Otto", "team-leader", bv);
        anne = tenant.staff("Anne", "administrator");
        Person h1 = tenant.person("h1", tenant.teamId, kari.id()), h2 = tenant.person("h2", tenant.teamId, kari.id()),
                h3 = tenant.person("h3", tenant.teamId, kari.id()), h4 = tenant.person("h4", tenant.teamId, kari.id()),
                h5 = tenant.person("h5", tenant.teamId, kari.id());
        Person h6 = tenant.person("h6", bv, bente.id()), h7 = tenant.person("h7", bv, bente.id()),
                h8 = tenant.person("h8", bv, bente.id()), h9 = tenant.person("h9", bv, bente.id());

        FieldData k = new FieldData(new TestDevice(http(), tenant.token(kari)));
        k.add("housing_situation", h1.id(), housing(d(Y - 1, 6, 1), "homeless", false));
        k.add("housing_situation", h1.id(), housing(d(Y, 2, 1), "temporary_accommodation", false));
        k.add("housing_situation", h1.id(), housing(d(Y, 6, 15), "permanent_satisfactory", false));
        k.add("housing_situation", h2.id(), housing(d(Y - 1, 3, 1), "at_risk", true));
        k.add("housing_situation", h2.id(), housing(d(Y, 9, 1), "permanent_satisfactory", true));
        k.add("housing_situation", h3.id(), housing(d(Y, 3, 1), "homeless", false));
        k.add("housing_situation", h4.id(), housing(d(Y, 11, 15), "temporary_accommodation", true));
        k.add("housing_situation", h5.id(), housing(d(Y - 1, 1, 1), "unsuitable", false));
        UUID k1 = k.add("arrears_case", h2.id(), Records.arrearsCase());
        k.add("arrears_event", h2.id(), legalStep(k1, "notice_sent", d(Y, 4, 1)));
        k.add("arrears_event", h2.id(), legalStep(k1, "petition_filed", d(Y, 5, 10)));
        UUID k2 = k.add("arrears_case", h5.id(), Records.arrearsCase());
        k.add("arrears_event", h5.id(), legalStep(k2, "notice_sent", d(Y - 1, 10, 1)));
        k.add("arrears_event", h5.id(), legalStep(k2, "petition_filed", d(Y - 1, 11, 1)));
        k.add("arrears_event", h5.id(), legalStep(k2, "eviction_carried_out", d(Y, 1, 20)));
        k.push();
        FieldData b = new FieldData(new TestDevice(http(), tenant.token(bente)));
        b.add("housing_situation", h6.id(), housing(d(Y, 5, 1), "other", false));
        b.add("housing_situation", h7.id(), housing(d(Y - 1, 5, 1), "permanent_satisfactory", false));
        b.add("housing_situation", h8.id(), housing(d(Y - 1, 8, 1), "temporary_accommodation", false));
        UUID wrong = b.add("housing_situation", h9.id(), housing(d(Y, 4, 1), "at_risk", false));
        b.add("housing_situation", h9.id(), with(housing(d(Y, 4, 1), "homeless", false), "corrects", wrong.toString()));
        UUID k3 = b.add("arrears_case", h6.id(), Records.arrearsCase());
        b.add("arrears_event", h6.id(), legalStep(k3, "notice_sent", d(Y, 2, 1)));
        b.add("arrears_event", h6.id(), legalStep(k3, "petition_filed", d(Y, 3, 15)));
        b.push();
    }

    private JsonNode report(Staff who, String query) {
        Http.Response r = http().get("/api/v1/reports/yearly/" + Y + query, tenant.token(who));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonNode figure(JsonNode report, String indicator, String figure) {
        for (JsonNode i : report.get("indicators").values()) {
            if (!i.get("id").getStringValue().equals(indicator)) continue;
            for (JsonNode f : i.get("figures").values()) if (f.get("id").getStringValue().equals(figure)) return f;
        }
        throw new AssertionError(indicator + "." + figure);
    }

    private static String shown(JsonNode report, String indicator, String figure) {
        return figure(report, indicator, figure).get("display").getStringValue();
    }

    @Test
    void theMunicipalityFiguresMatchTheHandCount() {
        JsonNode r = report(anne, "");
        assertEquals("municipality", r.get("scope").getStringValue());
        assertEquals(2, r.get("suppressionThreshold").getIntValue());
        assertEquals("2", shown(r, "without_home", "at_1_january"));
        assertEquals("4", shown(r, "without_home", "at_31_december"), "the correction replaces at_risk by homeless");
        assertEquals("<2", shown(r, "without_home", "housed_during_year"));
        assertEquals("primary", figure(r, "without_home", "housed_during_year").get("suppressed").getStringValue());
        assertNull(figure(r, "without_home", "housed_during_year").get("count"), "a suppressed count is not sent");
        assertEquals("0", shown(r, "at_risk", "at_31_december"));
        assertEquals("2", shown(r, "evictions_petitioned", "count"));
        assertEquals("<2", shown(r, "evictions_carried_out", "count"));
        assertEquals("3", shown(r, "temporary_accommodation", "during_year"));
        assertEquals("x", shown(r, "temporary_accommodation", "over_3_months"), "3 − 2 would reveal the short stay");
        assertEquals("complementary", figure(r, "temporary_accommodation", "over_3_months").get("suppressed").getStringValue());
        assertEquals("9", shown(r, "permanent_satisfactory", "known_at_31_december"));
        assertEquals("3", shown(r, "permanent_satisfactory", "at_31_december"));
        assertEquals(33.3, figure(r, "permanent_satisfactory", "share_percent").get("percent").getDoubleValue());
        assertEquals("33,3", shown(r, "permanent_satisfactory", "share_percent"));
    }

    @Test
    void leadersSeeOnlyTheirOwnTeams() {
        JsonNode hf = report(lise, "");
        assertEquals("teams", hf.get("scope").getStringValue());
        assertEquals("2", shown(hf, "without_home", "at_31_december"), "h3, h4");
        assertEquals("2", shown(report(otto, "?teamId=" + bv), "without_home", "at_31_december"), "h8, h9");
        assertEquals(404, http().get("/api/v1/reports/yearly/" + Y + "?teamId=" + bv, tenant.token(lise)).status());
        assertEquals("2", shown(report(anne, "?teamId=" + bv), "without_home", "at_31_december"));
        Http.Response worker = http().get("/api/v1/reports/yearly/" + Y, tenant.token(kari));
        assertEquals(403, worker.status());
        assertEquals("forbidden", worker.problemType());
    }

    @Test
    void badYears() {
        for (String year : List.of(String.valueOf(Y + 2), "1999", "last")) {
            Http.Response r = http().get("/api/v1/reports/yearly/" + year, tenant.token(anne));
            assertEquals(400, r.status(), year + " " + r.body());
            assertEquals("invalid-parameter", r.problemType(), year);
        }
    }

    @Test
    void everyIndicatorHasAComment() {
        String path = "/api/v1/reports/yearly/" + Y + "/comments/without_home";
        Http.Response first = http().put(path, tenant.token(lise), Http.toJson(Map.of("comment", "Tallene er usikre")));
        assertEquals(200, first.status(), first.body());
        Http.Response second = http().put(path, tenant.token(anne), Http.toJson(Map.of("comment",
                "Tallene er usikre; \"kartlegging\" uke 48")));
        assertEquals(2, second.json().get("version").getIntValue());
        JsonNode comment = null;
        for (JsonNode i : report(anne, "").get("indicators").values()) {
            if (i.get("id").getStringValue().equals("without_home")) comment = i.get("comment");
        }
        assertEquals("Anne", comment.get("writtenByName").getStringValue());
        assertEquals(404, http().put("/api/v1/reports/yearly/" + Y + "/comments/weather", tenant.token(anne),
                Http.toJson(Map.of("comment", "x"))).status());
        Http.Response tooLong = http().put(path, tenant.token(anne), Http.toJson(Map.of("comment", "x".repeat(4001))));
        assertEquals(422, tooLong.status());
        assertEquals("comment", tooLong.json().get("errors").get(0).get("field").getStringValue());
        assertEquals(403, http().put(path, tenant.token(kari), Http.toJson(Map.of("comment", "x"))).status());
        assertEquals(422, http().put(path, tenant.token(anne), Http.toJson(Map.of("comment", "nul\u0000"))).status(),
                "a control character is refused, not a database error");
        assertEquals(400, http().put(path, tenant.token(anne), "{\"comment\": ").status());

        Http.Response csv = http().get("/api/v1/reports/yearly/" + Y + "/csv", tenant.token(anne));
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        byte[] raw = csv.raw();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(raw[0], raw[1], raw[2]), "UTF-8 BOM");
        String text = new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertEquals("municipality_number;municipality;year;preliminary;scope;indicator;description;figure;label;value;"
                + "suppressed;comment", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(";temporary_accommodation;") && l.contains(";over_3_months;")
                && l.contains(";x;complementary;")), text);
        assertTrue(lines.stream().anyMatch(l -> l.contains(";share_percent;") && l.contains(";33,3;")), text);
        assertTrue(lines.stream().anyMatch(l -> l.contains(";without_home;") && l.endsWith(
                ";\"Tallene er usikre; \"\"kartlegging\"\" uke 48\"")), text);
        assertEquals(1 + 3 * 4 + 2 + 2 * 2 + 3, lines.size(), "a header and one row per figure");
    }
}
