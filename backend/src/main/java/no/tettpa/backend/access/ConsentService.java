package no.tettpa.backend.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.audit.AuditLog;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.platform.Sql;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.model.Basis;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.schema.Category;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A person's consent to share named record categories with a partner team, for a purpose, from a date until a date,
 * given in a stated way and recorded by a named worker (helsepersonelloven § 22, forvaltningsloven § 13 a). It adds
 * those categories of that person to the partner team's devices; withdrawal or expiry removes them, and every
 * partner device evicts at its next sync. Recorded and withdrawn by workers who follow the person on its caseload.
 */
@Singleton
public class ConsentService {
    private static final Set<String> WAYS = Set.of("written", "signed", "verbal");

    @Serdeable
    public record Grant(@Nullable UUID partnerTeamId, @Nullable List<String> categories, @Nullable String purpose,
                        @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable String givenHow) {}

    @Serdeable
    public record Withdrawal(@Nullable String note) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentView(UUID id, UUID personId, UUID partnerTeamId, List<String> categories, String purpose,
                              LocalDate validFrom, LocalDate validUntil, String givenHow, UUID recordedBy,
                              Instant recordedAt, @Nullable Instant withdrawnAt, @Nullable UUID withdrawnBy,
                              @Nullable String withdrawalNote, String state) {}

    private final Jdbc jdbc;
    private final ScopeResolver scopes;
    private final AuditLog audit;

    public ConsentService(Jdbc jdbc, ScopeResolver scopes, AuditLog audit) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
    }

    public ConsentView grant(Caller caller, UUID personId, Grant g) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (g.partnerTeamId() == null) errors.add(new Problem.FieldError("partnerTeamId", "is required"));
        int mask = 0;
        if (g.categories() == null || g.categories().isEmpty()) {
            errors.add(new Problem.FieldError("categories", "name at least one category"));
        } else {
            for (int i = 0; i < g.categories().size(); i++) {
                var cat = Category.fromWire(g.categories().get(i));
                if (cat.isEmpty()) errors.add(new Problem.FieldError("categories[" + i + "]", "is not a record category"));
                else mask |= 1 << cat.get().bit();
            }
        }
        if (g.purpose() == null || g.purpose().isBlank() || g.purpose().length() > 500) {
            errors.add(new Problem.FieldError("purpose", "is required, at most 500 characters"));
        }
        if (g.validFrom() == null) errors.add(new Problem.FieldError("validFrom", "is required"));
        if (g.validUntil() == null) errors.add(new Problem.FieldError("validUntil", "is required"));
        if (g.validFrom() != null && g.validUntil() != null && g.validUntil().isBefore(g.validFrom())) {
            errors.add(new Problem.FieldError("validUntil", "must not be before validFrom"));
        }
        if (g.validUntil() != null && g.validUntil().isAfter(LocalDate.now(AccessScopes.NORWAY).plusYears(3))) {
            errors.add(new Problem.FieldError("validUntil", "must be within three years; renew the consent then"));
        }
        if (g.givenHow() == null || !WAYS.contains(g.givenHow())) {
            errors.add(new Problem.FieldError("givenHow", "must be written, signed or verbal"));
        }
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
        int categories = mask;
        return jdbc.write(c -> {
            requireCaseload(c, caller, personId);
            if (!partnerTeam(c, caller.municipalityId(), g.partnerTeamId())) {
                throw ProblemException.validation(List.of(new Problem.FieldError("partnerTeamId", "is not a partner team")));
            }
            UUID id = UUID.randomUUID();
            try (var ps = c.prepareStatement("INSERT INTO consent_grant (municipality_id, id, person_id, partner_team_id, "
                    + "categories, purpose, valid_from, valid_until, given_how, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, id);
                ps.setObject(3, personId);
                ps.setObject(4, g.partnerTeamId());
                ps.setInt(5, categories);
                ps.setString(6, g.purpose().strip());
                ps.setObject(7, g.validFrom());
                ps.setObject(8, g.validUntil());
                ps.setString(9, g.givenHow());
                ps.setObject(10, caller.staffId());
                ps.executeUpdate();
            }
            audit.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), null, "consent", personId,
                    "caseload", "consent granted", Map.of("consentId", id.toString(), "partnerTeamId",
                    g.partnerTeamId().toString(), "categories", g.categories(), "validFrom", g.validFrom().toString(),
                    "validUntil", g.validUntil().toString(), "givenHow", g.givenHow())));
            return find(c, caller.municipalityId(), id);
        });
    }

    public ConsentView withdraw(Caller caller, UUID consentId, Withdrawal w) {
        if (w != null && w.note() != null && w.note().length() > 1000) {
            throw ProblemException.validation(List.of(new Problem.FieldError("note", "at most 1000 characters")));
        }
        return jdbc.write(c -> {
            ConsentView consent = find(c, caller.municipalityId(), consentId);
            if (consent == null) throw ProblemException.notFound("consent");
            requireCaseload(c, caller, consent.personId());
            if (consent.withdrawnAt() != null) {
                throw new ProblemException(ProblemType.CONFLICT, "The consent was already withdrawn");
            }
            Sql.update(c, "UPDATE consent_grant SET withdrawn_at = now(), withdrawn_by = ?, withdrawal_note = ? "
                    + "WHERE municipality_id = ? AND id = ?", caller.staffId(), w == null ? null : w.note(),
                    caller.municipalityId(), consentId);
            audit.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), null, "consent",
                    consent.personId(), "caseload", "consent withdrawn", Map.of("consentId", consentId.toString(),
                    "partnerTeamId", consent.partnerTeamId().toString())));
            return find(c, caller.municipalityId(), consentId);
        });
    }

    public List<ConsentView> ofPerson(Caller caller, UUID personId) {
        return jdbc.read(c -> {
            VisibleScope scope = scopes.visible(c, caller, List.of(personId)).get(personId);
            if (scope == null) throw ProblemException.notFound("person");
            List<ConsentView> out = new ArrayList<>();
            try (var ps = c.prepareStatement(SELECT + " WHERE municipality_id = ? AND person_id = ? ORDER BY recorded_at")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, personId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ConsentView v = view(rs);
                        if (scope.basis() != Basis.CONSENT || caller.teamIds().contains(v.partnerTeamId())) out.add(v);
                    }
                }
            }
            return out;
        });
    }

    /** Only those who follow the person on its caseload record or withdraw its consents; anyone else gets 404. */
    private void requireCaseload(Connection c, Caller caller, UUID personId) throws SQLException {
        VisibleScope scope = scopes.visible(c, caller, List.of(personId)).get(personId);
        if (scope == null || scope.basis() != Basis.CASELOAD || !(caller.has(Role.FIELD_WORKER) || caller.has(Role.TEAM_LEADER))) {
            throw ProblemException.notFound("person");
        }
    }

    private static boolean partnerTeam(Connection c, UUID m, UUID team) throws SQLException {
        try (var ps = c.prepareStatement("SELECT partner FROM team WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, m);
            ps.setObject(2, team);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static final String SELECT = "SELECT id, person_id, partner_team_id, categories, purpose, valid_from, valid_until, "
            + "given_how, recorded_by, recorded_at, withdrawn_at, withdrawn_by, withdrawal_note FROM consent_grant";

    private static ConsentView find(Connection c, UUID m, UUID id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE municipality_id = ? AND id = ?", ConsentService::view, m, id);
    }

    private static ConsentView view(ResultSet rs) throws SQLException {
        LocalDate from = rs.getObject(6, LocalDate.class);
        LocalDate until = rs.getObject(7, LocalDate.class);
        java.sql.Timestamp withdrawn = rs.getTimestamp(11);
        LocalDate today = LocalDate.now(AccessScopes.NORWAY);
        String state = withdrawn != null ? "withdrawn" : until.isBefore(today) ? "expired"
                : from.isAfter(today) ? "pending" : "active";
        return new ConsentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                Category.fromMask(rs.getInt(4)).stream().map(Category::wire).toList(), rs.getString(5), from, until,
                rs.getString(8), rs.getObject(9, UUID.class), rs.getTimestamp(10).toInstant(),
                withdrawn == null ? null : withdrawn.toInstant(), rs.getObject(12, UUID.class), rs.getString(13), state);
    }
}
