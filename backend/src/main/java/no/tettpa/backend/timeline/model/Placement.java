package no.tettpa.backend.timeline.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Where an entry goes on a person's timeline. A recorded fact goes at the time it happened: a visit at its start,
 * a progress entry, an arrears event and a board minute at their date, a rating on its rating date, a housing
 * situation from its first day. Every version of an editable record (an agreement signed, a case closed, a board
 * colour changed) goes at the time it was written. A date without a time is placed at the start of that day in
 * Norway and marked {@code dateOnly}.
 */
public final class Placement {
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    /** The field that says when an appended record's fact happened, by record type. */
    private static final Map<String, String> WHEN = Map.of(
            "visit", "startedAt",
            "agreement_progress", "date",
            "arrears_event", "date",
            "rating", "ratedOn",
            "housing_situation", "from",
            "board_minute", "date");

    /** The time an entry is placed at, and whether it is a whole day. */
    public record At(Instant at, boolean dateOnly) {}

    private Placement() {}

    public static At of(String entity, Map<String, Object> body, Instant writtenAt) {
        String field = WHEN.get(entity);
        Object value = field == null || body == null ? null : body.get(field);
        if (value instanceof String s) {
            try {
                if (s.length() == 10) return new At(LocalDate.parse(s).atStartOfDay(NORWAY).toInstant(), true);
                return new At(java.time.OffsetDateTime.parse(s).toInstant(), false);
            } catch (DateTimeParseException e) {
                // a stored value always parses; should one not, the entry falls back to when it was written
            }
        }
        return new At(writtenAt, false);
    }

    /** The fields whose value differs between two versions of a record, in name order. */
    public static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        TreeSet<String> names = new TreeSet<>();
        if (before != null) names.addAll(before.keySet());
        if (after != null) names.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            Object a = before == null ? null : before.get(n);
            Object b = after == null ? null : after.get(n);
            if (!Objects.equals(a, b)) out.add(n);
        }
        return out;
    }
}
