package no.tettpa.sync.merge;

import java.util.List;
import java.util.Map;

/**
 * The result of merging one {@link Edit} into a record.
 *
 * @param status   APPLIED (as sent), MERGED (combined with concurrent changes, nothing needs review),
 *                 CONFLICT (applied where it could be; at least one open conflict), REJECTED (nothing applied)
 * @param changed  whether a new version is written (false for an edit that changes nothing, e.g. a replayed create)
 */
public record MergeResult(Status status, boolean changed, Map<String, Object> body, Map<String, Stamp> stamps,
                          boolean deleted, Stamp deletedBy, List<FieldResolution> resolutions,
                          List<ConflictDraft> conflicts, Rejection rejection) {

    public enum Status { APPLIED, MERGED, CONFLICT, REJECTED }

    /** Why an edit was refused; {@code code} is stable, {@code field} may be null. */
    public record Rejection(String code, String field, String message) {}

    public static MergeResult rejected(String code, String field, String message) {
        return new MergeResult(Status.REJECTED, false, Map.of(), Map.of(), false, null, List.of(), List.of(),
                new Rejection(code, field, message));
    }
}
