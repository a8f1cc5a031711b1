package no.tettpa.backend.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.arrears.CaseDeadlineView;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.backend.sync.ApiWriter;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.schema.Validation;
import no.tettpa.sync.wire.MutationOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The field records over the API: a person's records of one type, one record with its whole history, and writes
 * judged exactly as synced mutations are. The caller sees only the persons and categories a device of theirs would
 * receive; anything else does not exist (404).
 */
@Singleton
public class RecordService {
    private final Jdbc jdbc;
    private final RecordStore store;
    private final ScopeResolver scopes;
    private final ApiWriter writer;
    private final List<ReadListener> readListeners;

    public RecordService(Jdbc jdbc, RecordStore store, ScopeResolver scopes, ApiWriter writer,
                         List<ReadListener> readListeners) {
        this.jdbc = jdbc;
        this.store = store;
        this.scopes = scopes;
        this.writer = writer;
        this.readListeners = readListeners;
    }

    /** Told of every record read over the API, in the reading transaction (the access log). */
    public interface ReadListener {
        void read(Connection c, Caller caller, UUID personId, List<RecordStore.StoredRecord> records, String basis,
                  String purpose) throws SQLException;
    }

    /** A write over the API: the fields of a synced mutation, without seq and clock (the server stamps it). */
    @Serdeable
    public record Write(String entity, String op, UUID recordId, UUID personId, @Nullable Long baseVersion,
                        @Nullable Map<String, Object> fields) {}

    public List<RecordView> ofPerson(Caller caller, UUID personId, String entity) {
        if (entity != null && Schemas.entity(entity).isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "unknown entity '" + entity + "'");
        }
        return jdbc.snapshot(c -> {
            VisibleScope scope = scope(c, caller, personId);
            List<RecordStore.StoredRecord> records = new ArrayList<>();
            for (RecordStore.StoredRecord r : store.ofPerson(c, caller.municipalityId(), personId, entity)) {
                if (!r.deleted() && (scope.categories() & (1 << r.category())) != 0) records.add(r);
            }
            records.sort(Comparator.comparing(RecordStore.StoredRecord::writtenAt).thenComparing(RecordStore.StoredRecord::recordId));
            for (ReadListener l : readListeners) {
                l.read(c, caller, personId, records, scope.basis().wire(), "list " + (entity == null ? "records" : entity));
            }
            return withDerived(c, caller, personId, records.stream().map(RecordView::of).toList(), records);
        });
    }

    public List<RecordView> history(Caller caller, UUID recordId) {
        return jdbc.snapshot(c -> {
            List<RecordStore.StoredRecord> versions = store.history(c, caller.municipalityId(), recordId);
            if (versions.isEmpty()) throw ProblemException.notFound("record");
            RecordStore.StoredRecord first = versions.get(0);
            VisibleScope scope = scopes.visible(c, caller, List.of(first.personId())).get(first.personId());
            if (scope == null || (scope.categories() & (1 << first.category())) == 0) throw ProblemException.notFound("record");
            for (ReadListener l : readListeners) l.read(c, caller, first.personId(), versions, scope.basis().wire(), "history");
            List<RecordView> views = versions.stream().map(RecordView::of).toList();
            return withDerived(c, caller, first.personId(), views, versions.subList(versions.size() - 1, versions.size()));
        });
    }

    public MutationOutcome write(Caller caller, Write w) {
        if (w == null || w.entity() == null || w.op() == null || w.recordId() == null || w.personId() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "entity, op, recordId and personId are required");
        }
        return jdbc.write(c -> writer.write(c, caller, w.entity(), w.op(), w.recordId(), w.personId(), w.baseVersion(),
                w.fields()));
    }

    private VisibleScope scope(Connection c, Caller caller, UUID personId) throws SQLException {
        VisibleScope scope = scopes.visible(c, caller, List.of(personId)).get(personId);
        if (scope == null) throw ProblemException.notFound("person");
        return scope;
    }

    /** Arrears cases get their legal deadlines, computed from the case's steps, today. */
    private List<RecordView> withDerived(Connection c, Caller caller, UUID personId, List<RecordView> views,
                                         List<RecordStore.StoredRecord> records) throws SQLException {
        if (records.stream().noneMatch(r -> r.entity().equals("arrears_case"))) return views;
        List<Map<String, Object>> events = store.ofPerson(c, caller.municipalityId(), personId, "arrears_event").stream()
                .filter(r -> !r.deleted()).map(RecordStore.StoredRecord::body).toList();
        LocalDate today = LocalDate.now(Validation.Context.NORWAY);
        return views.stream().map(v -> v.entity().equals("arrears_case") && !v.deleted()
                ? v.withDerived(CaseDeadlineView.of(events.stream()
                        .filter(e -> v.id().toString().equals(e.get("caseId"))).toList(), today))
                : v).toList();
    }
}
