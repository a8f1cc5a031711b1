package no.tettpa.backend.generator;

import no.tettpa.backend.auth.DevIssuer;
import no.tettpa.sync.schema.Category;
import no.tettpa.sync.schema.records.Vocabulary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A realistic municipality for tests and benchmarks, written straight into the database in bulk: three teams
 * (Housing First, boveiledning, and a FACT team whose records belong to the hospital trust), five field workers and
 * a leader each, an administrator, and persons with years of records: follow-up episodes, housing situations,
 * visits (Housing First about 1.3 a week, boveiledning about every other week, FACT about 1.6 a week; 15 % failed
 * attempts, 40 % for the hard to reach), samarbeidsavtaler signed, evaluated and renewed with progress entries,
 * BrukerPlan ratings each winter, arrears cases (one person in five) with contacts, NAV actions and legal steps
 * up to an eviction now and then, FACT board stays with their minutes, and a few open conflicts.
 *
 * <p>Deterministic: the same seed and the same {@code now} give the same records, ids included (only the
 * municipality's own id and number differ), which {@link GeneratedMunicipality#digest()} lets a test check.
 * Everything is written in the caller's transaction; the caller commits.
 */
public final class MunicipalityGenerator {
    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /**
     * @param seed              the random seed
     * @param municipalityNumber a four-digit number not used by another municipality in the database
     * @param now               the generator's "now": nothing is dated after it
     * @param years             how many years of history
     * @param personsPerTeam    persons of the Housing First, boveiledning and FACT teams
     * @param workersPerTeam    field workers per team
     */
    public record Options(long seed, String municipalityNumber, Instant now, int years, int[] personsPerTeam,
                          int workersPerTeam) {
        /** The benchmark's municipality: 60 + 150 + 90 persons, 15 workers, five years. */
        public static Options standard(long seed, String municipalityNumber, Instant now) {
            return new Options(seed, municipalityNumber, now, 5, new int[] {60, 150, 90}, 5);
        }
    }

    private record TeamSpec(String name, String kind, String controller, String basis, double visitsPerWeek,
                            double housingMonths) {}

    private static final List<TeamSpec> TEAMS = List.of(
            new TeamSpec("Housing First", "housing_first", "municipality", "housing_first", 1.3, 4),
            new TeamSpec("Boveiledning", "boveiledning", "municipality", "agreement", 0.5, 8),
            new TeamSpec("FACT", "fact", "hospital_trust", "housing_support_decision", 1.6, 6));

    private static final String[] FIRST = {"Ola", "Kari", "Per", "Anne", "Lars", "Ingrid", "Nils", "Marit", "Jon", "Sigrid",
            "Ahmed", "Fatima", "Tor", "Liv", "Erik", "Hilde", "Ali", "Sara", "Odd", "Bente", "Amir", "Nora", "Jan", "Eva"};
    private static final String[] LAST = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
            "Berg", "Haugen", "Hagen", "Dahl", "Lund", "Moen", "Strand", "Bakke", "Aas", "Eide", "Solberg"};

    private final Options o;
    private final Random rnd;
    private final LocalDate today;
    private final Instant now;
    private final Map<String, Long> counts = new TreeMap<>();
    private RecordCopy copy;

    private record Worker(UUID id, UUID device, String subject) {}

    private record Person(UUID id, int team, Worker coordinator, List<Worker> colleagues, LocalDate intake,
                          String controller, String regime, boolean children, boolean hardToReach) {}

    private MunicipalityGenerator(Options o) {
        this.o = o;
        this.rnd = new Random(o.seed());
        this.now = o.now().truncatedTo(ChronoUnit.SECONDS);
        this.today = now.atZone(NORWAY).toLocalDate();
    }

    public static GeneratedMunicipality generate(Connection c, Options options) throws SQLException {
        return new MunicipalityGenerator(options).run(c);
    }

    private GeneratedMunicipality run(Connection c) throws SQLException {
        UUID municipality = UUID.nameUUIDFromBytes(("tettpa-generated-" + o.municipalityNumber()).getBytes());
        copy = new RecordCopy(c, municipality);
        exec(c, "INSERT INTO municipality (id, number, name) VALUES (?, ?, ?)", municipality, o.municipalityNumber(),
                "Generert kommune " + o.municipalityNumber());
        String subjectPrefix = "gen-" + o.municipalityNumber() + "-";
        UUID admin = id();
        staff(c, municipality, admin, "Anne Admin", subjectPrefix + "admin", "administrator");

        List<GeneratedMunicipality.Team> teams = new ArrayList<>();
        List<Person> persons = new ArrayList<>();
        for (int t = 0; t < TEAMS.size(); t++) {
            TeamSpec spec = TEAMS.get(t);
            UUID teamId = id();
            exec(c, "INSERT INTO team (municipality_id, id, name, kind, controller_kind, controller_name, partner) "
                            + "VALUES (?, ?, ?, ?, ?, ?, false)", municipality, teamId, spec.name(), spec.kind(),
                    spec.controller(), spec.controller().equals("municipality") ? "Generert kommune" : "Generert HF");
            Worker leader = new Worker(id(), id(), subjectPrefix + spec.kind() + "-leader");
            staff(c, municipality, leader.id(), name(), leader.subject(), "team-leader");
            member(c, municipality, teamId, leader);
            List<Worker> workers = new ArrayList<>();
            for (int w = 0; w < o.workersPerTeam(); w++) {
                Worker worker = new Worker(id(), id(), subjectPrefix + spec.kind() + "-" + (w + 1));
                staff(c, municipality, worker.id(), name(), worker.subject(), "field-worker");
                member(c, municipality, teamId, worker);
                workers.add(worker);
            }
            List<UUID> personIds = new ArrayList<>();
            for (int p = 0; p < o.personsPerTeam()[t]; p++) {
                Worker coordinator = workers.get(p % workers.size());
                LocalDate intake = intake();
                Person person = new Person(id(), t, coordinator, workers, intake, spec.controller(),
                        spec.controller().equals("hospital_trust") ? "health_care" : "housing_support",
                        rnd.nextDouble() < (spec.kind().equals("boveiledning") ? 0.15 : 0.05), rnd.nextDouble() < 0.1);
                String personName = name();
                exec(c, "INSERT INTO person (municipality_id, id, display_name, team_id, coordinator_id, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)", municipality, person.id(), personName, teamId,
                        coordinator.id(), java.sql.Timestamp.from(time(intake, 9)));
                personIds.add(person.id());
                persons.add(person);
                personRecord(person, personName, teamId, leader);
            }
            teams.add(new GeneratedMunicipality.Team(teamId, spec.name(), spec.kind(), leader.id(), leader.subject(),
                    workers.stream().map(Worker::id).toList(), workers.stream().map(Worker::subject).toList(), personIds));
        }
        for (Person p : persons) story(c, municipality, p, teams.get(p.team()).id());
        copy.flush();
        try (var st = c.createStatement()) {
            st.execute("ANALYZE record_version");
            st.execute("ANALYZE person");
        }
        return new GeneratedMunicipality(municipality, o.municipalityNumber(), teams, admin, subjectPrefix + "admin",
                counts, copy.written(), copy.digest());
    }

    /** Everything recorded about one person, from intake to now. */
    private void story(Connection c, UUID municipality, Person p, UUID teamId) throws SQLException {
        TeamSpec spec = TEAMS.get(p.team());
        append(p, "episode", Category.CORE, p.coordinator(), time(p.intake(), 10), map(
                "basis", spec.basis(), "startDate", p.intake().toString(), "status", "active", "controller", p.controller()));
        LocalDate evicted = arrears(p);
        housing(p, spec, evicted);
        visits(p, spec);
        ratings(p);
        if (spec.basis().equals("agreement") || rnd.nextDouble() < 0.3) agreements(p);
        if (spec.kind().equals("fact")) board(p, teamId);
        if (rnd.nextDouble() < 0.03) conflict(c, municipality, p);
    }

    private void personRecord(Person p, String displayName, UUID teamId, Worker leader) throws SQLException {
        Map<String, Object> body = map("displayName", displayName, "teamId",
                teamId.toString(), "coordinatorId", p.coordinator().id().toString(), "controller", "municipality");
        Instant at = time(p.intake(), 9);
        copy.add(p.id(), 1, p.id(), "person", Category.CORE.bit(), body, stamps(body, at, leader.id(), null),
                leader.id(), null, at);
        count("person");
    }

    private void housing(Person p, TeamSpec spec, LocalDate evicted) throws SQLException {
        String first = switch (spec.kind()) {
            case "housing_first" -> pick(new String[] {"homeless", "temporary_accommodation"}, new double[] {0.6, 0.4});
            case "boveiledning" -> pick(new String[] {"at_risk", "unsuitable", "temporary_accommodation", "permanent_satisfactory"},
                    new double[] {0.45, 0.25, 0.15, 0.15});
            default -> pick(new String[] {"permanent_satisfactory", "unsuitable", "homeless", "temporary_accommodation", "other"},
                    new double[] {0.5, 0.2, 0.1, 0.1, 0.1});
        };
        LocalDate at = p.intake();
        situation(p, at, first);
        String current = first;
        if (current.equals("homeless") && rnd.nextDouble() < 0.5) {
            at = at.plusDays(14 + rnd.nextInt(60));
            if (at.isBefore(today)) situation(p, at, current = "temporary_accommodation");
        }
        if (!current.equals("permanent_satisfactory") && !current.equals("other")) {
            LocalDate housed = at.plusDays((long) (exponential(spec.housingMonths()) * 30.4) + 7);
            if (housed.isBefore(today) && (evicted == null || housed.isBefore(evicted))) {
                situation(p, housed, "permanent_satisfactory");
            }
        }
        if (evicted != null && !evicted.isAfter(today)) {
            situation(p, evicted, "temporary_accommodation");
            LocalDate rehoused = evicted.plusDays(60 + rnd.nextInt(200));
            if (rehoused.isBefore(today)) situation(p, rehoused, "permanent_satisfactory");
        }
    }

    private void situation(Person p, LocalDate from, String situation) throws SQLException {
        append(p, "housing_situation", Category.CORE, p.coordinator(), time(from, 15), map("from", from.toString(),
                "situation", situation, "childrenInHousehold", p.children(), "controller", p.controller()));
    }

    private void visits(Person p, TeamSpec spec) throws SQLException {
        double failedShare = p.hardToReach() ? 0.4 : 0.15;
        for (LocalDate week = p.intake(); week.isBefore(today); week = week.plusWeeks(1)) {
            int n = poisson(spec.visitsPerWeek());
            for (int i = 0; i < n; i++) {
                LocalDate day = week.plusDays(rnd.nextInt(7));
                if (day.isAfter(today)) continue;
                Instant started = time(day, 8 + rnd.nextInt(8), rnd.nextInt(4) * 15);
                if (started.isAfter(now)) continue;
                Worker author = rnd.nextDouble() < 0.7 ? p.coordinator() : any(p.colleagues());
                boolean failed = rnd.nextDouble() < failedShare;
                String kind = failed ? "failed_attempt"
                        : pick(new String[] {"planned", "unplanned", "accompanying"}, new double[] {0.65, 0.22, 0.13});
                String place = failed ? pick(new String[] {"home", "phone"}, new double[] {0.8, 0.2})
                        : kind.equals("accompanying") ? pick(new String[] {"nav_office", "viewing", "car"}, new double[] {0.5, 0.3, 0.2})
                        : pick(new String[] {"home", "neighbourhood", "cafe", "car", "outdoors", "phone", "video", "nav_office"},
                        new double[] {0.48, 0.1, 0.12, 0.08, 0.08, 0.09, 0.02, 0.03});
                Map<String, Object> v = map("startedAt", DATE_TIME.format(started.atZone(NORWAY)),
                        "durationMinutes", failed ? 0L : (long) (15 + rnd.nextInt(8) * 15), "place", place, "kind", kind,
                        "regime", p.regime(), "controller", p.controller(), "authorId", author.id().toString());
                if (!failed) {
                    List<Object> parts = new ArrayList<>();
                    if (rnd.nextDouble() < 0.25) {
                        Worker other = any(p.colleagues());
                        if (!other.equals(author)) parts.add(map("id", id().toString(), "kind", "staff", "staffId", other.id().toString()));
                    }
                    if (rnd.nextDouble() < 0.08) {
                        parts.add(map("id", id().toString(), "kind", "network", "name", pick(FIRST), "relation",
                                pick(new String[] {"mor", "far", "søster", "bror", "venn", "nabo"})));
                    }
                    if (!parts.isEmpty()) v.put("participants", parts);
                    List<String> areas = new ArrayList<>(Vocabulary.LIFE_AREAS);
                    java.util.Collections.shuffle(areas, rnd);
                    v.put("lifeAreas", new ArrayList<>(areas.subList(0, 1 + rnd.nextInt(3))));
                    v.put("whatWasDone", pick(new String[] {"Gikk gjennom post fra NAV", "Handlet sammen",
                            "Snakket om husleie og budsjett", "Fulgte til fastlegen", "Ryddet i leiligheten",
                            "Samtale om rus og søvn", "Ringte utleier sammen"}));
                    if (rnd.nextDouble() < 0.6) {
                        v.put("nextStep", pick(new String[] {"Søke bostøtte", "Ringe NAV", "Nytt hjemmebesøk",
                                "Møte med utleier", "Time hos fastlege"}));
                        v.put("nextStepDate", day.plusDays(3 + rnd.nextInt(12)).toString());
                    }
                    if (rnd.nextDouble() < 0.3) {
                        v.put("note", "Personen var i god form og ønsket å snakke om økonomi. Vi avtalte å se på "
                                + "regningene sammen neste gang, og å kontakte NAV om bostøtte.");
                    }
                }
                Category category = p.regime().equals("health_care") ? Category.HEALTH_NOTES : Category.VISITS;
                Instant written = started.plus(Duration.ofMinutes(90 + rnd.nextInt(240)));
                UUID visit = append(p, "visit", category, author, written, v);
                if (rnd.nextDouble() < 0.01) {
                    Map<String, Object> fixed = new LinkedHashMap<>(v);
                    fixed.put("corrects", visit.toString());
                    fixed.put("durationMinutes", failed ? 0L : (long) v.get("durationMinutes") + 15);
                    append(p, "visit", category, author, written.plus(Duration.ofDays(1)), fixed);
                }
            }
        }
    }

    private void ratings(Person p) throws SQLException {
        int[] levels = new int[Vocabulary.LIFE_AREAS.size()];
        for (int i = 0; i < levels.length; i++) levels[i] = pick(new int[] {0, 1, 2}, new double[] {0.3, 0.45, 0.25});
        for (int year = p.intake().getYear(); year <= today.getYear(); year++) {
            LocalDate on = LocalDate.of(year, 12, 1).plusDays(rnd.nextInt(91) - 45);
            if (on.isBefore(p.intake().plusDays(30)) || on.isAfter(today)) continue;
            Map<String, Object> areas = new TreeMap<>();
            int reds = 0, yellows = 0;
            for (int i = 0; i < levels.length; i++) {
                levels[i] = Math.max(0, Math.min(2, levels[i] + pick(new int[] {-1, 0, 1}, new double[] {0.3, 0.5, 0.2})));
                areas.put(Vocabulary.LIFE_AREAS.get(i), map("level", Vocabulary.RATING_LEVELS.get(levels[i]),
                        "basis", "Vurdert i samtale"));
                if (levels[i] == 2) reds++;
                if (levels[i] == 1) yellows++;
            }
            String index = reds >= 4 ? "blue_light" : reds >= 2 ? "red" : reds == 1 || yellows >= 4 ? "yellow" : "green";
            append(p, "rating", Category.RATINGS, p.coordinator(), time(on, 14), map("ratedOn", on.toString(),
                    "areas", areas, "index", index, "hasIndividualPlan", rnd.nextDouble() < 0.3,
                    "childrenCare", p.children() ? "lives_with" : "none", "controller", p.controller(),
                    "authorId", p.coordinator().id().toString()));
        }
    }

    /** Agreements one after another: draft, signed, evaluated after six months, renewed; progress on their goals. */
    private void agreements(Person p) throws SQLException {
        LocalDate start = p.intake().plusDays(7 + rnd.nextInt(24));
        UUID previous = null;
        int number = 1;
        while (!start.isAfter(today)) {
            UUID id = id();
            List<Object> goals = new ArrayList<>();
            for (int g = 0; g < 1 + rnd.nextInt(3); g++) {
                goals.add(map("id", id().toString(), "text", pick(new String[] {"Beholde leiligheten",
                        "Betale husleie hver måned", "Komme i aktivitet", "Få orden på økonomien", "Redusere rusbruken"}),
                        "setOn", start.toString()));
            }
            LocalDate signed = start.plusDays(1 + rnd.nextInt(6));
            LocalDate evaluation = signed.plusMonths(6);
            Map<String, Object> body = map("status", "draft", "versionNumber", (long) number, "goals", goals,
                    "parties", List.of(map("id", id().toString(), "kind", "person", "name", "Personen"),
                            map("id", id().toString(), "kind", "service", "name", "Boveiledningen")),
                    "responsibilities", "Personen betaler husleie; boveileder følger opp NAV", "measures",
                    "Besøk annenhver uke", "evaluationDate", evaluation.toString(), "validFrom", start.toString(),
                    "validUntil", start.plusYears(1).toString(), "regime", p.regime(), "controller", p.controller());
            if (previous != null) body.put("previousId", previous.toString());
            Map<String, Map<String, Object>> stamps = stamps(body, time(start, 11), p.coordinator().id(), p.coordinator().device());
            editable(p, id, 1, "agreement", Category.AGREEMENTS, body, stamps, p.coordinator(), time(start, 11));
            if (signed.isAfter(today)) break;
            body.put("status", "active");
            body.put("signatures", List.of(map("id", id().toString(), "signerName", "Personen", "role", "person",
                    "method", "on_screen", "signedAt", DATE_TIME.format(time(signed, 12).atZone(NORWAY)))));
            touch(stamps, time(signed, 12), p.coordinator(), "status", "signatures");
            editable(p, id, 2, "agreement", Category.AGREEMENTS, body, stamps, p.coordinator(), time(signed, 12));
            for (LocalDate d = signed.plusDays(50 + rnd.nextInt(20)); d.isBefore(today) && d.isBefore(evaluation);
                 d = d.plusDays(50 + rnd.nextInt(20))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> goal = (Map<String, Object>) goals.get(rnd.nextInt(goals.size()));
                append(p, "agreement_progress", Category.AGREEMENTS, p.coordinator(), time(d, 13), map(
                        "agreementId", id.toString(), "goalId", goal.get("id"), "date", d.toString(),
                        "progress", pick(new String[] {"none", "some", "clear", "achieved"}, new double[] {0.2, 0.45, 0.25, 0.1}),
                        "note", "Små skritt i riktig retning", "controller", p.controller(),
                        "authorId", p.coordinator().id().toString()));
            }
            LocalDate evaluated = evaluation.plusDays(rnd.nextInt(30));
            if (!evaluated.isBefore(today)) break;
            body.put("status", "under_evaluation");
            touch(stamps, time(evaluated, 12), p.coordinator(), "status");
            editable(p, id, 3, "agreement", Category.AGREEMENTS, body, stamps, p.coordinator(), time(evaluated, 12));
            boolean ends = rnd.nextDouble() < 0.1;
            body.put("status", ends ? "ended" : "renewed");
            if (ends) body.put("endReason", "Målene er nådd");
            touch(stamps, time(evaluated, 13), p.coordinator(), "status", "endReason");
            editable(p, id, 4, "agreement", Category.AGREEMENTS, body, stamps, p.coordinator(), time(evaluated, 13));
            if (ends) break;
            previous = id;
            number++;
            start = evaluated;
        }
    }

    /** One person in five has an arrears case; returns the day of an eviction carried out, if any. */
    private LocalDate arrears(Person p) throws SQLException {
        if (rnd.nextDouble() >= 0.2) return null;
        long span = ChronoUnit.DAYS.between(p.intake(), today.minusDays(10));
        if (span <= 0) return null;
        LocalDate opened = p.intake().plusDays(rnd.nextLong(span));
        UUID caseId = id();
        long rent = 6000 + rnd.nextInt(60) * 100L;
        int months = 1 + rnd.nextInt(5);
        Map<String, Object> body = map("source", pick(new String[] {"arrears_list", "nav", "person", "enforcement_officer"},
                        new double[] {0.6, 0.2, 0.1, 0.1}), "landlordName", pick(new String[] {"Kommunale boliger KF",
                        "Boligbyggelaget", "Privat utleier"}), "landlordType",
                pick(new String[] {"municipal", "housing_company", "private"}, new double[] {0.5, 0.2, 0.3}),
                "monthlyRent", rent, "amountOwed", rent * months, "monthsInArrears", (long) months, "status", "open",
                "regime", "housing_support", "controller", p.controller());
        Map<String, Map<String, Object>> stamps = stamps(body, time(opened, 9), p.coordinator().id(), p.coordinator().device());
        editable(p, caseId, 1, "arrears_case", Category.ARREARS, body, stamps, p.coordinator(), time(opened, 9));
        event(p, caseId, opened.plusDays(1 + rnd.nextInt(4)), map("type", "contact", "counterpart", "tenant",
                "channel", "phone", "outcome", "Avtalt møte"));
        LocalDate evicted = null;
        boolean carriedOut = false;
        if (rnd.nextDouble() < 0.7) {
            LocalDate notice = opened.plusDays(rnd.nextInt(10));
            legal(p, caseId, "notice_sent", notice);
            if (rnd.nextDouble() < 0.5) legal(p, caseId, "nav_copy_sent", notice.plusDays(1));
            LocalDate petition = notice.plusDays(20 + rnd.nextInt(20));
            if (rnd.nextDouble() < 0.35 && legal(p, caseId, "petition_filed", petition)) {
                legal(p, caseId, "petition_presented", petition.plusDays(10 + rnd.nextInt(10)));
                LocalDate scheduled = petition.plusDays(40 + rnd.nextInt(30));
                if (rnd.nextDouble() < 0.4 && legal(p, caseId, "eviction_scheduled", scheduled)
                        && rnd.nextDouble() < 0.6 && legal(p, caseId, "eviction_carried_out", scheduled)) {
                    evicted = scheduled;
                    carriedOut = true;
                }
            }
        }
        LocalDate nav = opened.plusDays(5 + rnd.nextInt(10));
        if (rnd.nextDouble() < 0.5 && !nav.isAfter(today)) {
            event(p, caseId, nav, map("type", "nav_action",
                    "navAction", pick(new String[] {"housing_allowance", "financial_assistance", "direct_rent_payment",
                            "voluntary_deduction", "debt_advice"}), "navActionStatus", "granted"));
        }
        LocalDate closed = opened.plusDays(60 + rnd.nextInt(120));
        if (closed.isBefore(today)) {
            body.put("status", "closed");
            body.put("outcome", carriedOut ? "evicted" : pick(new String[] {"paid", "agreement_kept", "direct_payment",
                    "moved_by_choice", "closed_other"}, new double[] {0.35, 0.3, 0.2, 0.1, 0.05}));
            touch(stamps, time(closed, 10), p.coordinator(), "status", "outcome");
            editable(p, caseId, 2, "arrears_case", Category.ARREARS, body, stamps, p.coordinator(), time(closed, 10));
        }
        return evicted;
    }

    /** Records a step that has happened (only the day set for an eviction may lie ahead); false if not yet. */
    private boolean legal(Person p, UUID caseId, String step, LocalDate date) throws SQLException {
        if (date.isAfter(step.equals("eviction_scheduled") ? today.plusDays(300) : today)) return false;
        event(p, caseId, date, map("type", "legal_step", "step", step));
        return true;
    }

    private void event(Person p, UUID caseId, LocalDate date, Map<String, Object> fields) throws SQLException {
        Map<String, Object> body = new TreeMap<>(fields);
        body.put("caseId", caseId.toString());
        body.put("date", date.toString());
        body.put("controller", p.controller());
        body.put("authorId", p.coordinator().id().toString());
        Instant at = time(date.isAfter(today) ? today : date, 11);
        append(p, "arrears_event", Category.ARREARS, p.coordinator(), at.isAfter(now) ? now : at, body);
    }

    /** A third of the FACT team's persons have stays on the board; one in eight is on it now. */
    private void board(Person p, UUID teamId) throws SQLException {
        List<LocalDate> starts = new ArrayList<>();
        if (rnd.nextDouble() < 0.35) {
            long span = ChronoUnit.DAYS.between(p.intake(), today.minusDays(70));
            for (int i = 0; i < 1 + rnd.nextInt(3) && span > 0; i++) starts.add(p.intake().plusDays(rnd.nextLong(span)));
        }
        if (rnd.nextDouble() < 0.12) starts.add(today.minusDays(rnd.nextInt(28)));
        starts.sort(null);
        LocalDate free = LocalDate.MIN;
        for (LocalDate since : starts) {
            if (since.isBefore(free) || since.isBefore(p.intake())) continue;
            LocalDate until = since.plusDays(14 + rnd.nextInt(46));
            boolean ongoing = !until.isBefore(today);
            UUID entry = id();
            Worker by = p.coordinator();
            Map<String, Object> body = map("teamId", teamId.toString(), "status", "on_board",
                    "colour", rnd.nextBoolean() ? "red" : "yellow", "reason", pick(new String[] {
                            "Økende psykoseplager", "Truet med utkastelse", "Sluttet med medisiner", "Innlagt og skrevet ut"}),
                    "nextAction", "Daglig kontakt, hjemmebesøk med lege", "nextActionDate", since.plusDays(1).toString(),
                    "responsibleId", by.id().toString(), "since", since.toString(), "regime", p.regime(),
                    "controller", p.controller());
            Map<String, Map<String, Object>> stamps = stamps(body, time(since, 9), by.id(), by.device());
            editable(p, entry, 1, "board_entry", Category.BOARD, body, stamps, by, time(since, 9));
            LocalDate change = since.plusDays(7);
            if (change.isBefore(today) && (ongoing || change.isBefore(until))) {
                body.put("colour", "green".equals(body.get("colour")) ? "green" : rnd.nextBoolean() ? "yellow" : "green");
                body.put("nextAction", "Kontakt tre ganger i uka");
                touch(stamps, time(change, 9), by, "colour", "nextAction");
                editable(p, entry, 2, "board_entry", Category.BOARD, body, stamps, by, time(change, 9));
            }
            LocalDate last = ongoing ? today : until;
            for (LocalDate d = since; !d.isAfter(last); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() > 5 || rnd.nextDouble() > 0.6) continue;
                Instant at = time(d, 9, 30);
                if (at.isAfter(now)) continue;
                append(p, "board_minute", Category.BOARD, any(p.colleagues()), at, map("date", d.toString(),
                        "text", pick(new String[] {"Ikke truffet i går, prøver igjen i dag", "Rolig natt ifølge søster",
                                "Lege på hjemmebesøk, justert medisin", "Møtte opp på avtalt tid"}),
                        "boardEntryId", entry.toString(), "regime", p.regime(), "controller", p.controller(),
                        "authorId", p.coordinator().id().toString()));
            }
            if (!ongoing) {
                int version = change.isBefore(until) ? 3 : 2;
                body.put("status", "off_board");
                body.put("offBoardDate", until.toString());
                body.put("offBoardReason", "Stabilisert, tilbake til vanlig oppfølging");
                touch(stamps, time(until, 10), by, "status", "offBoardDate", "offBoardReason");
                editable(p, entry, version, "board_entry", Category.BOARD, body, stamps, by, time(until, 10));
            }
            free = until.plusDays(1);
        }
    }

    private void conflict(Connection c, UUID municipality, Person p) throws SQLException {
        UUID id = id();
        Worker other = any(p.colleagues());
        Instant at = now.minus(Duration.ofDays(rnd.nextInt(20)));
        Map<String, Object> body = map("recordId", p.id().toString(), "entity", "person", "category", "core",
                "field", "contactNotes", "kind", "long_text", "status", "open",
                "keptValue", "Ring før besøk", "keptBy", p.coordinator().id().toString(),
                "otherValue", "Ikke ring, send SMS", "otherBy", other.id().toString());
        copy.add(id, 1, p.id(), "conflict", Category.CORE.bit(), body, stamps(body, at, null, null), null, null, at);
        count("conflict");
        exec(c, "INSERT INTO open_conflict (municipality_id, conflict_id, person_id, record_id, entity, field, kind, "
                        + "authors, opened_at) VALUES (?, ?, ?, ?, 'person', 'contactNotes', 'long_text', ?, ?)",
                municipality, id, p.id(), p.id(), c.createArrayOf("uuid", new Object[] {p.coordinator().id(), other.id()}),
                java.sql.Timestamp.from(at));
    }

    private UUID append(Person p, String entity, Category category, Worker author, Instant at, Map<String, Object> body)
            throws SQLException {
        Instant written = at.isAfter(now) ? now : at;
        UUID id = id();
        copy.add(id, 1, p.id(), entity, category.bit(), body, stamps(body, written, author.id(), author.device()),
                author.id(), author.device(), written);
        count(entity);
        return id;
    }

    private void editable(Person p, UUID id, long version, String entity, Category category, Map<String, Object> body,
                          Map<String, Map<String, Object>> stamps, Worker author, Instant at) throws SQLException {
        Instant written = at.isAfter(now) ? now : at;
        copy.add(id, version, p.id(), entity, category.bit(), body, new TreeMap<>(stamps), author.id(), author.device(),
                written);
        if (version == 1) count(entity);
    }

    private static Map<String, Map<String, Object>> stamps(Map<String, Object> body, Instant at, UUID author, UUID device) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        Map<String, Object> s = RecordCopy.stamp(at, 0, author, device);
        for (String k : body.keySet()) out.put(k, s);
        return out;
    }

    private static void touch(Map<String, Map<String, Object>> stamps, Instant at, Worker by, String... fields) {
        Map<String, Object> s = RecordCopy.stamp(at, 0, by.id(), by.device());
        for (String f : fields) stamps.put(f, s);
    }

    private void staff(Connection c, UUID municipality, UUID id, String name, String subject, String role)
            throws SQLException {
        exec(c, "INSERT INTO staff (municipality_id, id, display_name, issuer, subject, roles) VALUES (?, ?, ?, ?, ?, ?)",
                municipality, id, name, DevIssuer.ISSUER, subject, c.createArrayOf("text", new Object[] {role}));
    }

    private void member(Connection c, UUID municipality, UUID team, Worker w) throws SQLException {
        exec(c, "INSERT INTO team_member (municipality_id, team_id, staff_id) VALUES (?, ?, ?)", municipality, team, w.id());
        exec(c, "INSERT INTO device (municipality_id, id, staff_id, label, registered_at) VALUES (?, ?, ?, ?, ?)",
                municipality, w.device(), w.id(), "Telefon " + w.subject(),
                java.sql.Timestamp.from(now.minus(Duration.ofDays(365L * o.years()))));
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }

    /** 40 % followed from the start of the history, the rest taken on evenly since, the last two weeks excepted. */
    private LocalDate intake() {
        LocalDate start = today.minusYears(o.years());
        if (rnd.nextDouble() < 0.4) return start.plusDays(rnd.nextInt(60));
        return start.plusDays(rnd.nextLong(ChronoUnit.DAYS.between(start, today.minusDays(14))));
    }

    private Instant time(LocalDate day, int hour) {
        return time(day, hour, 0);
    }

    private Instant time(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), NORWAY).toInstant();
    }

    private UUID id() {
        return new UUID((rnd.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L,
                (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
    }

    private String name() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private String pick(String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private String pick(String[] values, double[] weights) {
        double r = rnd.nextDouble(), sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i];
            if (r < sum) return values[i];
        }
        return values[values.length - 1];
    }

    private int pick(int[] values, double[] weights) {
        double r = rnd.nextDouble(), sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i];
            if (r < sum) return values[i];
        }
        return values[values.length - 1];
    }

    private Worker any(List<Worker> workers) {
        return workers.get(rnd.nextInt(workers.size()));
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }

    private void count(String entity) {
        counts.merge(entity, 1L, Long::sum);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
