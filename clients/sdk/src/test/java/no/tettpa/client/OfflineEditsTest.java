package no.tettpa.client;

import no.tettpa.sync.clock.Hlc;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes made offline: checked on the device, numbered gap-free, clocked, shown at once, and applied on sync. */
class OfflineEditsTest extends ServerTest {

    @Test
    void everyKindOfRecordIsQueuedInOrderAndAppliedOnSync() {
        FieldClient d = device("kari", kari);
        d.sync();
        assertEquals(2, d.scopes().size(), "the first sync brings the caseload");

        UUID visit = d.recordVisit(eirik.id(), Fields.visit());
        UUID agreement = d.create("agreement", eirik.id(), Fields.agreementDraft());
        UUID arrears = d.create("arrears_case", sara.id(), Fields.arrearsCase());
        UUID contact = d.recordArrearsContact(sara.id(), arrears, Fields.contact());
        UUID rating = d.recordRating(eirik.id(), Fields.rating());
        assertTrue(d.update("person", eirik.id(), Map.of("phone", "+47 900 00 000")));
        assertTrue(d.changeAgreement(agreement, Map.of("measures", "Ukentlige besøk")));

        List<OutboxEntry> outbox = d.outbox();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), outbox.stream().map(OutboxEntry::seq).toList());
        for (int i = 1; i < outbox.size(); i++) {
            assertTrue(Hlc.parse(outbox.get(i).hlc()).isAfter(Hlc.parse(outbox.get(i - 1).hlc())), "clocks only go forward");
        }
        assertEquals(1L, outbox.get(6).baseVersion(), "an edit of a record made here is against its first version");
        assertEquals("Ukentlige besøk", d.record(agreement).orElseThrow().fields().get("measures"), "shown at once");
        assertEquals("contact", d.record(contact).orElseThrow().fields().get("type"));

        SyncResult result = d.sync();
        assertTrue(result.complete());
        assertEquals(Map.of("applied", 7), result.outcomes());
        assertTrue(d.outbox().isEmpty());
        for (UUID id : List.of(visit, agreement, arrears, contact, rating)) {
            LocalRecord r = d.record(id).orElseThrow();
            assertFalse(r.pending());
            assertTrue(r.serverComplete(), "the pull brought the record as the server stores it");
        }
        assertEquals(2, d.record(agreement).orElseThrow().serverVersion());
        assertEquals(kari.id().toString(), d.record(visit).orElseThrow().fields().get("authorId"), "derived by the server");
        assertEquals(1, versionsOf(visit));
    }

    @Test
    void invalidChangesAreRefusedOnTheDeviceAndConsumeNoSequenceNumber() {
        FieldClient d = device("kari", kari);
        d.sync();
        var bad = assertThrows(LocalValidationException.class,
                () -> d.recordVisit(eirik.id(), Fields.with(Fields.visit(), "place", "moon", "durationMinutes", -5)));
        assertEquals("validation", bad.code());
        assertEquals(List.of("durationMinutes", "place"), bad.errors().stream().map(e -> e.field()).sorted().toList());
        assertEquals("unknown_field", assertThrows(LocalValidationException.class,
                () -> d.recordVisit(eirik.id(), Fields.with(Fields.visit(), "colour", "red"))).code());
        assertEquals("unknown_entity", assertThrows(LocalValidationException.class,
                () -> d.create("spaceship", eirik.id(), Map.of())).code());
        assertEquals("server_only", assertThrows(LocalValidationException.class,
                () -> d.create("person", eirik.id(), Map.of("displayName", "X"))).code());
        assertEquals("out_of_scope", assertThrows(LocalValidationException.class,
                () -> d.recordVisit(UUID.randomUUID(), Fields.visit())).code());

        UUID visit = d.recordVisit(eirik.id(), Fields.visit());
        assertEquals("append_only", assertThrows(LocalValidationException.class,
                () -> d.update("visit", visit, Map.of("durationMinutes", 10))).code());
        assertEquals(List.of(1L), d.outbox().stream().map(OutboxEntry::seq).toList(), "refusals queued nothing");
        assertFalse(d.update("person", eirik.id(), Map.of("displayName", "Eirik")), "no change, nothing queued");
    }

    @Test
    void anAgreementMovesOnlyAlongItsWorkflowAndIsLockedOnceSigned() {
        FieldClient d = device("kari", kari);
        d.sync();
        UUID agreement = d.create("agreement", eirik.id(), Fields.agreementDraft());
        assertEquals("invalid_transition", assertThrows(LocalValidationException.class,
                () -> d.changeAgreement(agreement, Map.of("status", "renewed"))).code());
        var goals = new java.util.ArrayList<Object>((List<?>) d.record(agreement).orElseThrow().fields().get("goals"));
        goals.add(Fields.goal("Betale husleia i tide"));
        d.changeAgreement(agreement, Map.of("goals", goals, "signatures", List.of(Fields.signature()), "status", "active"));
        assertEquals("locked", assertThrows(LocalValidationException.class,
                () -> d.changeAgreement(agreement, Map.of("measures", "endret etter signering"))).code());
        assertEquals("immutable", assertThrows(LocalValidationException.class,
                () -> d.changeAgreement(agreement, Map.of("versionNumber", 2))).code());
        d.changeAgreement(agreement, Map.of("status", "under_evaluation"));
        assertEquals(Map.of("applied", 3), d.sync().outcomes());
        assertEquals("under_evaluation", d.record(agreement).orElseThrow().fields().get("status"));
        assertEquals(2, ((List<?>) d.record(agreement).orElseThrow().fields().get("goals")).size());
    }
}
