package no.tettpa.client;

import java.util.Map;
import java.util.UUID;

/**
 * One record as the device holds it: the server's copy (what the server last told the device) and the view the
 * app shows, which is the server's copy with the device's pending mutations applied on top.
 *
 * @param category       the record's category on the wire ({@code visits}, {@code core}, …); decides evictions
 * @param serverVersion  the version of the server's copy; 0 while the server has not acknowledged the record
 * @param serverDeleted  whether the server's copy is a tombstone
 * @param serverFields   the server's copy of the fields, or null when there is none (or it is a tombstone)
 * @param serverComplete whether {@code serverFields} came whole from the server; false when the device built it
 *                       from an {@code applied} outcome and still waits for the fields the server derives
 * @param fields         the view: what the app shows; null when {@code deleted}
 * @param deleted        whether the view is deleted
 * @param pending        whether mutations on this record wait in the outbox
 */
public record LocalRecord(UUID id, String entity, UUID personId, String category, long serverVersion,
                          boolean serverDeleted, Map<String, Object> serverFields, boolean serverComplete,
                          Map<String, Object> fields, boolean deleted, boolean pending) {

    /** The same record with another server copy; the view is recomputed by the caller. */
    public LocalRecord withServerCopy(long version, boolean deletedOnServer, Map<String, Object> copy, boolean complete) {
        return new LocalRecord(id, entity, personId, category, version, deletedOnServer, copy, complete, fields, deleted,
                pending);
    }

    /** The same record with another view. */
    public LocalRecord withView(Map<String, Object> view, boolean viewDeleted, boolean hasPending) {
        return new LocalRecord(id, entity, personId, category, serverVersion, serverDeleted, serverFields,
                serverComplete, viewDeleted ? null : view, viewDeleted, hasPending);
    }
}
