package no.tettpa.backend.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.SyncJson;
import no.tettpa.backend.sync.model.Basis;
import no.tettpa.backend.sync.model.VisibleScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Innsyn in the access log (pasientjournalloven § 22, GDPR art. 15): who has accessed a person's record, when, in
 * which role and organisation, on what basis and why. Produced by those who follow the person on its caseload, to
 * hand to the person; producing it is itself logged.
 */
@Singleton
public class AccessLogService {
    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant at, String action, @Nullable UUID staffId, @Nullable String staffName,
                        @Nullable List<String> roles, @Nullable String organisation, @Nullable String team,
                        @Nullable String basis, @Nullable String purpose, boolean onDevice, int records,
                        @Nullable List<String> categories) {}

    @Serdeable
    public record AccessLog(UUID personId, String personName, LocalDate from, LocalDate to, List<Entry> entries) {}

    private final Jdbc jdbc;
    private final ScopeResolver scopes;
    private final AuditLog audit;
    private final SyncJson json;

    public AccessLogService(Jdbc jdbc, ScopeResolver scopes, AuditLog audit, SyncJson json) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.json = json;
    }

    public AccessLog forPerson(Caller caller, UUID personId, LocalDate from, LocalDate to) {
        LocalDate until = to == null ? LocalDate.now(NORWAY) : to;
        LocalDate since = from == null ? until.minusYears(1) : from;
        return jdbc.write(c -> {
            VisibleScope scope = scopes.visible(c, caller, List.of(personId)).get(personId);
            if (scope == null || scope.basis() != Basis.CASELOAD) throw ProblemException.notFound("person");
            String name = personName(c, caller.municipalityId(), personId);
            List<Entry> entries = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT e.at, e.action, e.actor_id, s.display_name, s.roles, e.device_id, "
                    + "e.basis, e.purpose, e.details::text, "
                    + "(SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM team_member tm JOIN team t ON t.municipality_id = "
                    + "tm.municipality_id AND t.id = tm.team_id WHERE tm.municipality_id = e.municipality_id AND tm.staff_id = e.actor_id), "
                    + "(SELECT string_agg(DISTINCT t.controller_name, ', ') FROM team_member tm JOIN team t ON t.municipality_id = "
                    + "tm.municipality_id AND t.id = tm.team_id WHERE tm.municipality_id = e.municipality_id AND tm.staff_id = e.actor_id) "
                    + "FROM audit_event e LEFT JOIN staff s ON s.municipality_id = e.municipality_id AND s.id = e.actor_id "
                    + "WHERE e.municipality_id = ? AND e.person_id = ? AND e.at >= ? AND e.at < ? ORDER BY e.at, e.id")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, personId);
                ps.setObject(3, since.atStartOfDay(NORWAY).toOffsetDateTime());
                ps.setObject(4, until.plusDays(1).atStartOfDay(NORWAY).toOffsetDateTime());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> details = json.readMap(rs.getString(9));
                        List<?> records = details.get("records") instanceof List<?> l ? l : List.of();
                        List<String> categories = details.get("categories") instanceof List<?> l
                                ? l.stream().map(String::valueOf).toList() : null;
                        java.sql.Array roles = rs.getArray(5);
                        entries.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getObject(3, UUID.class),
                                rs.getString(4), roles == null ? null : List.of((String[]) roles.getArray()), rs.getString(11),
                                rs.getString(10), rs.getString(7), rs.getString(8), rs.getObject(6) != null, records.size(),
                                categories));
                    }
                }
            }
            audit.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), null, "read", personId,
                    scope.basis().wire(), "innsyn", Map.of("from", since.toString(), "to", until.toString())));
            return new AccessLog(personId, name, since, until, entries);
        });
    }

    /** The same log as a printable page in Norwegian, to hand to the person. */
    public String asHtml(AccessLog log) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"no\"><head><meta charset=\"utf-8\">"
                + "<title>Hvem har sett opplysningene dine</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>"
                + "</head><body><h1>Hvem har sett opplysningene dine</h1>");
        b.append("<p>Gjelder: ").append(escape(log.personName())).append(". Periode: ").append(log.from())
                .append(" til ").append(log.to()).append(".</p>");
        b.append("<p>Listen viser hver gang noen i tjenesten har lest, lastet ned til mobil eller skrevet i journalen din, "
                + "hvem det var, hvilken rolle og virksomhet de hadde, og hvorfor de hadde tilgang.</p>");
        b.append("<table><tr><th>Tidspunkt</th><th>Hvem</th><th>Rolle</th><th>Virksomhet</th><th>Hva</th>"
                + "<th>Grunnlag</th><th>Formål</th></tr>");
        for (Entry e : log.entries()) {
            b.append("<tr><td>").append(e.at().atZone(NORWAY).toLocalDateTime().withNano(0).toString().replace('T', ' '))
                    .append("</td><td>").append(escape(e.staffName())).append("</td><td>")
                    .append(escape(e.roles() == null ? "" : String.join(", ", e.roles().stream().map(AccessLogService::role).toList())))
                    .append("</td><td>").append(escape(e.organisation())).append("</td><td>").append(action(e))
                    .append("</td><td>").append(basis(e.basis())).append("</td><td>").append(escape(e.purpose()))
                    .append("</td></tr>");
        }
        return b.append("</table></body></html>").toString();
    }

    private static String action(Entry e) {
        String what = switch (e.action()) {
            case "delivery" -> "lastet ned til mobil";
            case "read" -> "leste";
            case "write" -> "skrev";
            case "write_refused" -> "forsøkte å skrive (avvist)";
            case "eviction" -> "mobilen fikk beskjed om å slette";
            case "purge" -> "mobilen slettet";
            case "consent" -> "samtykke registrert eller trukket";
            case "exceptional_access" -> "åpnet kortvarig tilgang";
            case "review" -> "kontrollerte tilgang";
            default -> e.action();
        };
        return e.records() > 0 ? what + " (" + e.records() + " opplysninger)" : what;
    }

    private static String basis(String basis) {
        if (basis == null) return "";
        return switch (basis) {
            case "caseload" -> "følger deg opp";
            case "consent" -> "ditt samtykke";
            case "exceptional" -> "kortvarig tilgang";
            case "team_leader" -> "teamleder";
            default -> basis;
        };
    }

    private static String role(String r) {
        return switch (r) {
            case "field-worker" -> "bo-oppfølger";
            case "team-leader" -> "teamleder";
            case "partner" -> "ACT/FACT";
            case "administrator" -> "administrator";
            default -> r;
        };
    }

    private static String escape(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String personName(Connection c, UUID m, UUID personId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT display_name FROM person WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, m);
            ps.setObject(2, personId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /** Has the caller (a leader) got a team? Used by the unusual-access review. */
    static boolean leads(Caller caller, UUID team) {
        return caller.has(Role.TEAM_LEADER) && caller.memberOf(team);
    }
}
