package no.tettpa.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generated field records, valid against schema 2 ({@code FieldRecords}); for a seed and a time "now" the same
 * records every time (ids are UUIDv7 of the record's time, dates are relative to now). Free text is
 * drawn word by word from a few hundred Norwegian words of the trade, so it compresses about as well as real notes
 * (not better, as repeated fixed sentences would). Sizes are those of short notes typed on a phone: what was done
 * on every visit (~120 characters), what was agreed on 40 % (~80), a longer note on 15 % (~250).
 */
public final class Workload {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final String[] WORDS = ("og i på til med for som av at det er ikke han hun vi de seg skal vil kan "
            + "har hadde var blir ble etter før under over om fra hos mot uten mellom sammen også bare nå da så men "
            + "besøk hjemme leilighet bolig husleie husleieavtale utleier kommunen NAV saksbehandler veileder lege "
            + "fastlege sykepleier psykolog poliklinikk legevakt apotek medisiner resept time avtale avtalt møte "
            + "samtale telefon melding brev søknad vedtak bostøtte sosialhjelp stønad økonomisk gjeld inkasso "
            + "restanse betalingsplan budsjett konto regning strøm innboforsikring depositum nøkkel vaktmester "
            + "naboer klage støy renhold rydding vask oppvask søppel kjøleskap mat handlet butikken middag frokost "
            + "søvn sliten urolig rolig fornøyd glad lei trist engstelig redd sint skuffet motivert positiv "
            + "rus alkohol cannabis substitusjon LAR behandling innleggelse utskrivning tilbakefall avhold "
            + "aktivitet arbeid praksisplass kurs trening tur gikk kjørte bussen bilen kafe parken biblioteket "
            + "familie datter sønn mor far bror søster venn venner nettverk barnevernet skole barnehage "
            + "helse smerter tannlege tannbehandling røntgen blodprøve vekt kosthold røyk "
            + "gjennomgikk snakket diskuterte fulgte ringte skrev fylte hjalp ordnet sjekket planla avlyste "
            + "mål delmål tiltak plan evaluering oppfølging neste uke måned mandag tirsdag onsdag torsdag fredag "
            + "morgen ettermiddag kveld senere tidligere allerede fortsatt igjen litt mye bedre verre stabil "
            + "dokumenter skjema signatur samtykke fullmakt verge tolk post postkasse adresse flytting "
            + "innkalling frist varsel utkastelse namsmannen fravikelse begjæring forlik tingretten advokat "
            + "ønsker trenger mangler klarer greier prøver forsøker bestemte lovet minnet viste fortalte "
            + "ønsket behov ressurser utfordringer styrker bekymring trygghet ansvar egen eget selv "
            + "oppgaver hverdag struktur rutiner døgnrytme ukeplan kalender påminnelse").split(" ");

    private static final List<String> PLACES = List.of("home", "home", "home", "neighbourhood", "cafe", "car",
            "outdoors", "nav_office", "phone", "phone", "video");
    private static final List<String> KINDS = List.of("planned", "planned", "planned", "unplanned", "accompanying",
            "failed_attempt");
    private static final List<String> AREAS = List.of("housing", "activity", "economy", "physical_health",
            "mental_health", "substance_use", "social_functioning", "social_network");

    private final Random random;

    public Workload(long seed) {
        this.random = new Random(seed);
    }

    /** A UUIDv7 (time-ordered, as the protocol recommends devices make) for the given instant. */
    public UUID uuid7(long epochMillis) {
        long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public String text(int averageChars) {
        int target = Math.max(10, (int) (averageChars * (0.5 + random.nextDouble())));
        StringBuilder sb = new StringBuilder(target + 16);
        boolean sentenceStart = true;
        while (sb.length() < target) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (sentenceStart) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                sentenceStart = false;
            }
            if (sb.length() > 0) sb.append(' ');
            sb.append(w);
            if (random.nextInt(12) == 0) {
                sb.append('.');
                sentenceStart = true;
            }
        }
        if (!sentenceStart) sb.append('.');
        return sb.toString();
    }

    /** A visit at the given time, as a device sends it (server-derived fields absent). */
    public Map<String, Object> visit(ZonedDateTime at) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("startedAt", at.withNano(0).toOffsetDateTime().toString());
        String kind = pick(KINDS);
        v.put("durationMinutes", "failed_attempt".equals(kind) ? 10 : 15 + 5 * random.nextInt(18));
        v.put("place", pick(PLACES));
        v.put("kind", kind);
        List<String> areas = new ArrayList<>();
        for (String a : AREAS) if (random.nextInt(5) == 0) areas.add(a);
        if (areas.isEmpty()) areas.add(pick(AREAS));
        v.put("lifeAreas", areas);
        v.put("whatWasDone", text(120));
        if (random.nextInt(10) < 4) v.put("whatWasAgreed", text(80));
        if (random.nextInt(10) < 3) {
            v.put("nextStep", text(50));
            v.put("nextStepDate", at.toLocalDate().plusDays(1 + random.nextInt(14)).toString());
        }
        if (random.nextInt(100) < 15) v.put("note", text(250));
        if (random.nextInt(10) < 2) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", uuid7(at.toInstant().toEpochMilli()).toString());
            p.put("kind", "network");
            p.put("name", text(12));
            p.put("relation", "pårørende");
            v.put("participants", List.of(p));
        }
        v.put("regime", "housing_support");
        return v;
    }

    /** One change a device made, in the order it made it. */
    public record Step(Instant at, String entity, String op, UUID recordId, UUID personId, Long baseVersion,
                       Map<String, Object> fields) {}

    /**
     * Five years of one person's follow-up, as the worker recorded it: an episode, yearly agreements (drafted,
     * signed, evaluated, renewed) with progress entries, arrears cases with their events, half-yearly ratings,
     * and {@code visits} visits and contacts. Ordered by time.
     */
    public List<Step> history(UUID person, int visits, Instant now) {
        List<Step> out = new ArrayList<>();
        ZonedDateTime start = now.atZone(OSLO).minusYears(5).plusDays(3);
        long spanSeconds = Duration.between(start.toInstant(), now.minus(Duration.ofDays(1))).getSeconds();

        UUID episode = uuid7(start.toInstant().toEpochMilli());
        Map<String, Object> ep = new LinkedHashMap<>();
        ep.put("basis", "housing_first");
        ep.put("startDate", start.toLocalDate().toString());
        ep.put("status", "active");
        out.add(new Step(start.toInstant(), "episode", "create", episode, person, null, ep));

        UUID previous = null;
        for (int year = 0; year < 5; year++) {
            ZonedDateTime drafted = start.plusYears(year).plusDays(7);
            UUID agreement = uuid7(drafted.toInstant().toEpochMilli());
            List<Map<String, Object>> goals = new ArrayList<>();
            for (int g = 0; g < 2 + random.nextInt(3); g++) {
                Map<String, Object> goal = new LinkedHashMap<>();
                goal.put("id", uuid7(drafted.toInstant().toEpochMilli()).toString());
                goal.put("text", text(60));
                goal.put("setOn", drafted.toLocalDate().toString());
                goals.add(goal);
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("status", "draft");
            a.put("versionNumber", year + 1);
            if (previous != null) a.put("previousId", previous.toString());
            long t = drafted.toInstant().toEpochMilli();
            a.put("parties", List.of(party(t, "person", text(14)), party(t, "service", "Housing First Tettvik"),
                    party(t, "nav", "NAV Tettvik")));
            a.put("goals", goals);
            a.put("responsibilities", text(200));
            a.put("measures", text(200));
            a.put("evaluationDate", drafted.toLocalDate().plusMonths(6).toString());
            a.put("validFrom", drafted.toLocalDate().plusDays(14).toString());
            a.put("validUntil", drafted.toLocalDate().plusYears(1).toString());
            out.add(new Step(drafted.toInstant(), "agreement", "create", agreement, person, null, a));

            ZonedDateTime signed = drafted.plusDays(10);
            Map<String, Object> sign = new LinkedHashMap<>();
            sign.put("status", "active");
            Map<String, Object> sig = new LinkedHashMap<>();
            sig.put("id", uuid7(signed.toInstant().toEpochMilli()).toString());
            sig.put("signerName", text(14));
            sig.put("role", "person");
            sig.put("method", "on_screen");
            sig.put("signedAt", signed.withNano(0).toOffsetDateTime().toString());
            sign.put("signatures", List.of(sig));
            out.add(new Step(signed.toInstant(), "agreement", "update", agreement, person, 1L, sign));

            ZonedDateTime evaluated = drafted.plusMonths(6);
            out.add(new Step(evaluated.toInstant(), "agreement", "update", agreement, person, 2L,
                    Map.of("status", "under_evaluation")));
            if (year < 4) {
                out.add(new Step(drafted.plusYears(1).minusDays(1).toInstant(), "agreement", "update", agreement,
                        person, 3L, Map.of("status", "renewed")));
            }
            for (int i = 0; i < 4; i++) {
                ZonedDateTime when = drafted.plusDays(30 + 80L * i + random.nextInt(20));
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("agreementId", agreement.toString());
                p.put("goalId", goals.get(random.nextInt(goals.size())).get("id"));
                p.put("date", when.toLocalDate().toString());
                p.put("progress", pick(List.of("none", "some", "some", "clear", "achieved")));
                p.put("note", text(100));
                out.add(new Step(when.toInstant(), "agreement_progress", "create", uuid7(when.toInstant().toEpochMilli()),
                        person, null, p));
            }
            previous = agreement;
        }

        for (int c = 0; c < 2; c++) {
            ZonedDateTime opened = start.plusMonths(4 + 28L * c + random.nextInt(6));
            UUID arrears = uuid7(opened.toInstant().toEpochMilli());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("source", "arrears_list");
            a.put("landlordName", "Tettvik kommunale boliger");
            a.put("landlordType", "municipal");
            a.put("monthlyRent", 7000 + 100 * random.nextInt(40));
            a.put("amountOwed", 14000 + 100 * random.nextInt(100));
            a.put("monthsInArrears", 2);
            a.put("directFilingClause", true);
            a.put("notes", text(150));
            a.put("status", "open");
            out.add(new Step(opened.toInstant(), "arrears_case", "create", arrears, person, null, a));
            out.add(new Step(opened.plusDays(20).toInstant(), "arrears_case", "update", arrears, person, 1L,
                    Map.of("monthsInArrears", 3, "amountOwed", 21000)));
            List<Map<String, Object>> instalments = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> inst = new LinkedHashMap<>();
                inst.put("id", uuid7(opened.toInstant().toEpochMilli()).toString());
                inst.put("dueDate", opened.toLocalDate().plusMonths(2 + i).toString());
                inst.put("amount", 3500);
                inst.put("paid", true);
                instalments.add(inst);
            }
            out.add(new Step(opened.plusDays(40).toInstant(), "arrears_case", "update", arrears, person, 2L,
                    Map.of("instalments", instalments)));
            out.add(new Step(opened.plusMonths(9).toInstant(), "arrears_case", "update", arrears, person, 3L,
                    Map.of("status", "closed", "outcome", "agreement_kept")));
            String[][] events = {
                    {"legal_step", "notice_sent"}, {"legal_step", "nav_copy_sent"}, {"nav_action", "housing_allowance"},
                    {"contact", "landlord"}, {"contact", "nav"}, {"nav_action", "voluntary_deduction"}};
            for (int e = 0; e < events.length; e++) {
                ZonedDateTime when = opened.plusDays(3 + 12L * e);
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("caseId", arrears.toString());
                ev.put("type", events[e][0]);
                ev.put("date", when.toLocalDate().toString());
                switch (events[e][0]) {
                    case "legal_step" -> ev.put("step", events[e][1]);
                    case "nav_action" -> {
                        ev.put("navAction", events[e][1]);
                        ev.put("navActionStatus", "granted");
                    }
                    default -> {
                        ev.put("counterpart", events[e][1]);
                        ev.put("channel", pick(List.of("phone", "meeting", "email")));
                    }
                }
                ev.put("outcome", text(40));
                ev.put("note", text(80));
                out.add(new Step(when.toInstant(), "arrears_event", "create", uuid7(when.toInstant().toEpochMilli()),
                        person, null, ev));
            }
        }

        for (int r = 0; r < 10; r++) {
            ZonedDateTime when = start.plusMonths(1 + 6L * r).plusDays(random.nextInt(20));
            Map<String, Object> areas = new LinkedHashMap<>();
            for (String area : AREAS) {
                areas.put(area, Map.of("level", pick(List.of("green", "yellow", "yellow", "red")), "basis", text(40)));
            }
            Map<String, Object> rating = new LinkedHashMap<>();
            rating.put("ratedOn", when.toLocalDate().toString());
            rating.put("areas", areas);
            rating.put("index", pick(List.of("green", "yellow", "red", "blue_light")));
            rating.put("childrenCare", "none");
            rating.put("hasIndividualPlan", random.nextBoolean());
            out.add(new Step(when.toInstant(), "rating", "create", uuid7(when.toInstant().toEpochMilli()), person,
                    null, rating));
        }

        for (int v = 0; v < visits; v++) {
            ZonedDateTime at = start.plusSeconds((long) (random.nextDouble() * spanSeconds));
            at = at.withHour(8 + random.nextInt(9)).withMinute(random.nextInt(4) * 15).withSecond(0);
            out.add(new Step(at.toInstant(), "visit", "create", uuid7(at.toInstant().toEpochMilli()), person, null,
                    visit(at)));
        }
        out.sort(Comparator.comparing(Step::at));
        return out;
    }

    /** A visit time within the last five years (for the ingest's visits). */
    public ZonedDateTime pastVisitTime(Instant now) {
        long span = Duration.ofDays(5 * 365).getSeconds();
        ZonedDateTime at = now.minusSeconds((long) (random.nextDouble() * span) + 86_400).atZone(OSLO);
        return at.withHour(8 + random.nextInt(9)).withMinute(random.nextInt(4) * 15).withSecond(0);
    }

    public LocalDate today() {
        return LocalDate.now(OSLO);
    }

    private Map<String, Object> party(long at, String kind, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", uuid7(at).toString());
        p.put("kind", kind);
        p.put("name", name);
        return p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
