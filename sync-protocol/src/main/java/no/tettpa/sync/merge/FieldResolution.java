package no.tettpa.sync.merge;

/**
 * What a merge did with one field the device sent, when both sides had changed it.
 *
 * @param resolution {@code yours_kept} (the device's value won), {@code theirs_kept} (the server's value won,
 *                   yours is in the conflict record), {@code set_merged} (both sides' additions kept),
 *                   {@code review} (both kept, someone must choose)
 * @param conflictIndex index into {@link MergeResult#conflicts()}, or -1
 */
public record FieldResolution(String field, String resolution, Object theirValue, Stamp their, int conflictIndex) {}
