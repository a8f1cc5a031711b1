package no.tettpa.backend.access;

import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.records.RecordService;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.model.VisibleScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the {@link RecordService.ReadListener}s (the access log) about person data shown over the API, from the
 * views that are not plain record lists: the caseload overview, the FACT board, the timeline. Called inside the
 * reading transaction, once per person shown.
 *
 * <p>A view that shows a summary derived from a person's records (days since the last contact, the latest rating,
 * the next legal deadline) reports the person with an empty record list and a purpose naming the view: what was
 * shown is the summary, not the records. A view that shows records passes them.
 */
@Singleton
public class PersonReads {
    private final List<RecordService.ReadListener> listeners;
    private final ScopeResolver scopes;

    public PersonReads(List<RecordService.ReadListener> listeners, ScopeResolver scopes) {
        this.listeners = listeners;
        this.scopes = scopes;
    }

    public void summaries(Connection c, Caller caller, Collection<UUID> persons, String purpose) throws SQLException {
        if (listeners.isEmpty() || persons.isEmpty()) return;
        Map<UUID, VisibleScope> visible = scopes.visible(c, caller, persons);
        for (UUID person : persons) {
            for (RecordService.ReadListener l : listeners) l.read(c, caller, person, List.of(), basis(visible, person), purpose);
        }
    }

    public void records(Connection c, Caller caller, UUID person, List<RecordStore.StoredRecord> records, String purpose)
            throws SQLException {
        if (listeners.isEmpty()) return;
        String basis = basis(scopes.visible(c, caller, List.of(person)), person);
        for (RecordService.ReadListener l : listeners) l.read(c, caller, person, records, basis, purpose);
    }

    /** Why the caller could see the person: the scope's basis, or the leader's overview of the team. */
    private static String basis(Map<UUID, VisibleScope> visible, UUID person) {
        VisibleScope s = visible.get(person);
        return s == null ? "team_leader" : s.basis().wire();
    }
}
