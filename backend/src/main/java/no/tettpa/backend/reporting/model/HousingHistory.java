package no.tettpa.backend.reporting.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One household's housing situations in time order, and what follows from them. */
public final class HousingHistory {
    /** A continuous stay in one situation: from {@code start} up to, not including, {@code end} (null: ongoing). */
    public record Stay(LocalDate start, LocalDate end, boolean children) {}

    private final List<Situation> entries;

    public HousingHistory(List<Situation> entries) {
        List<Situation> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Situation::from).thenComparing(Situation::recordedAt,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        this.entries = List.copyOf(sorted);
    }

    /** The situation in effect on a day: the last entry from that day or before. */
    public Optional<Situation> on(LocalDate day) {
        Situation found = null;
        for (Situation s : entries) {
            if (s.from().isAfter(day)) break;
            found = s;
        }
        return Optional.ofNullable(found);
    }

    /**
     * The entries that begin a new situation, each with the situation it ended (null for the first): a repeated
     * entry of the same situation is no change.
     */
    public List<Situation[]> changes() {
        List<Situation[]> out = new ArrayList<>();
        Situation before = null;
        for (Situation s : effective()) {
            if (before == null || !before.situation().equals(s.situation())) out.add(new Situation[] {before, s});
            before = s;
        }
        return out;
    }

    /** The continuous stays in a situation; consecutive entries of it make one stay. */
    public List<Stay> stays(String situation) {
        List<Stay> out = new ArrayList<>();
        LocalDate start = null;
        boolean children = false;
        for (Situation s : effective()) {
            if (s.situation().equals(situation)) {
                if (start == null) {
                    start = s.from();
                    children = false;
                }
                children |= s.children();
            } else if (start != null) {
                out.add(new Stay(start, s.from(), children));
                start = null;
            }
        }
        if (start != null) out.add(new Stay(start, null, children));
        return out;
    }

    /** The entries that are in effect for at least a day: of several entries from one day, the last recorded. */
    private List<Situation> effective() {
        List<Situation> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i + 1 < entries.size() && entries.get(i + 1).from().equals(entries.get(i).from())) continue;
            out.add(entries.get(i));
        }
        return out;
    }
}
