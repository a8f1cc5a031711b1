package no.tettpa.backend.arrears;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.arrears.model.ArrearsLine;
import no.tettpa.backend.arrears.model.ArrearsListParser;
import no.tettpa.backend.arrears.model.LineError;
import no.tettpa.backend.arrears.model.ParseResult;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.calendar.model.NorwegianCalendar;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.persons.PersonRegistry;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.sync.ApiWriter;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.sync.schema.Validation;
import no.tettpa.sync.wire.MutationOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports a landlord's or the housing office's arrears list (CSV): each good line becomes an arrears case on the
 * tenant (found by national id, or registered on the importing team), with the landlord's notice as its first legal
 * step when the list gives one, and a task for the person's coordinator to make contact. Every bad line is
 * reported with its line number; a line is imported whole or not at all. Done by a leader of the importing team.
 */
@Singleton
public class ArrearsImport {
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Imported(int line, UUID personId, boolean newPerson, UUID caseId, UUID taskId) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BadLine(int line, @Nullable String column, String message) {}

    @Serdeable
    public record Result(List<Imported> imported, List<BadLine> errors) {}

    private static final int CONTACT_WITHIN_WORKING_DAYS = 3;

    private final Jdbc jdbc;
    private final PersonRegistry persons;
    private final ApiWriter writer;
    private final ScopeResolver scopes;

    public ArrearsImport(Jdbc jdbc, PersonRegistry persons, ApiWriter writer, ScopeResolver scopes) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.writer = writer;
        this.scopes = scopes;
    }

    public Result importList(Caller caller, UUID teamId, byte[] csv) {
        if (!caller.has(Role.TEAM_LEADER) || !caller.memberOf(teamId)) {
            throw ProblemException.forbidden("Only a leader of the team imports arrears lists for it");
        }
        LocalDate today = LocalDate.now(Validation.Context.NORWAY);
        ParseResult parsed = ArrearsListParser.parse(csv, today);
        List<BadLine> errors = new ArrayList<>();
        for (LineError e : parsed.bad()) {
            errors.add(new BadLine(e.lineNumber(), e.column().isEmpty() ? null : e.column(), e.message()));
        }
        List<Imported> imported = jdbc.write(c -> {
            List<Imported> out = new ArrayList<>();
            for (ArrearsLine line : parsed.good()) {
                Savepoint before = c.setSavepoint();
                try {
                    out.add(importLine(c, caller, teamId, line, today));
                    c.releaseSavepoint(before);
                } catch (ProblemException e) {
                    c.rollback(before);
                    errors.add(new BadLine(line.lineNumber(), null, e.getMessage()));
                }
            }
            return out;
        });
        errors.sort(java.util.Comparator.comparingInt(BadLine::line));
        return new Result(imported, errors);
    }

    private Imported importLine(Connection c, Caller caller, UUID teamId, ArrearsLine line, LocalDate today) throws SQLException {
        UUID personId = line.nationalId() == null ? null : personByNationalId(c, caller.municipalityId(), line.nationalId());
        boolean newPerson = personId == null;
        UUID coordinator;
        if (newPerson) {
            Person p = persons.register(caller.municipalityId(), line.tenantName(), teamId, null, caller.staffId());
            personId = p.id();
            coordinator = caller.staffId();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("address", line.address());
            if (line.nationalId() != null) details.put("nationalId", line.nationalId());
            writer.write(c, caller, "person", "update", personId, personId, 1L, details);
        } else {
            if (scopes.visible(c, caller, List.of(personId)).isEmpty()) {
                throw new ProblemException(no.tettpa.backend.problem.ProblemType.FORBIDDEN,
                        "the tenant is followed by another team; not imported");
            }
            coordinator = coordinatorOf(c, caller.municipalityId(), personId, caller.staffId());
        }
        UUID caseId = UUID.randomUUID();
        Map<String, Object> theCase = new LinkedHashMap<>();
        theCase.put("source", "arrears_list");
        theCase.put("landlordName", line.landlord());
        theCase.put("landlordType", line.landlordType().name().toLowerCase(java.util.Locale.ROOT));
        theCase.put("monthlyRent", line.monthlyRent());
        theCase.put("amountOwed", line.amountOwed());
        theCase.put("monthsInArrears", (long) line.monthsInArrears());
        theCase.put("status", "open");
        theCase.put("notes", "Importert fra restanseliste, linje " + line.lineNumber() + ". Adresse: " + line.address());
        writer.write(c, caller, "arrears_case", "create", caseId, personId, null, theCase);
        if (line.noticeDate() != null) {
            writer.write(c, caller, "arrears_event", "create", UUID.randomUUID(), personId, null, Map.of(
                    "caseId", caseId.toString(), "type", "legal_step", "step", "notice_sent",
                    "date", line.noticeDate().toString()));
        }
        UUID taskId = UUID.randomUUID();
        MutationOutcome task = writer.write(c, caller, "task", "create", taskId, personId, null, Map.of(
                "topic", "arrears", "title", "Kontakt leietaker om husleierestanse",
                "assigneeId", coordinator.toString(), "dueDate", workingDaysAfter(today, CONTACT_WITHIN_WORKING_DAYS).toString(),
                "relatedRecordId", caseId.toString(), "status", "open"));
        return new Imported(line.lineNumber(), personId, newPerson, caseId, task.recordId());
    }

    private static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate d = from;
        for (int i = 0; i < days; i++) d = NorwegianCalendar.nextWorkingDayOnOrAfter(d.plusDays(1));
        return d;
    }

    private static UUID personByNationalId(Connection c, UUID m, String nationalId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT record_id FROM (SELECT DISTINCT ON (record_id) record_id, body, deleted "
                + "FROM record_version WHERE municipality_id = ? AND entity = 'person' ORDER BY record_id, version DESC) p "
                + "WHERE NOT deleted AND body->>'nationalId' = ? LIMIT 1")) {
            ps.setObject(1, m);
            ps.setString(2, nationalId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private static UUID coordinatorOf(Connection c, UUID m, UUID personId, UUID fallback) throws SQLException {
        try (var ps = c.prepareStatement("SELECT coordinator_id FROM person WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, m);
            ps.setObject(2, personId);
            try (var rs = ps.executeQuery()) {
                UUID id = rs.next() ? rs.getObject(1, UUID.class) : null;
                return id == null ? fallback : id;
            }
        }
    }
}
