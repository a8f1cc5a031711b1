package no.tettpa.backend.records;

import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.schema.Category;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A set of persons with the record categories the caller may see of each, for set-based SQL over
 * {@code record_version}: bind it as {@link #FROM} (two array parameters) and join on {@code s.p}, filtering rows
 * with {@link #VISIBLE}. One query then reads a whole team's records in every allowed category, and nothing else.
 */
public final class ScopedPersons {
    /** A relation {@code s(p, m)}: person id and category mask. */
    public static final String FROM = "unnest(?::uuid[], ?::int[]) AS s(p, m)";
    /** The row {@code r} is in a category the caller may see of its person. */
    public static final String VISIBLE = "(s.m & (1 << r.category)) <> 0";

    private final Map<UUID, Integer> masks;

    private ScopedPersons(Map<UUID, Integer> masks) {
        this.masks = masks;
    }

    public static ScopedPersons of(Map<UUID, VisibleScope> visible) {
        Map<UUID, Integer> m = new LinkedHashMap<>();
        visible.forEach((id, scope) -> m.put(id, scope.categories()));
        return new ScopedPersons(m);
    }

    /** The persons whose given category the caller may see; the others are left out. */
    public ScopedPersons seeing(Category category) {
        Map<UUID, Integer> m = new LinkedHashMap<>();
        masks.forEach((id, mask) -> {
            if ((mask & (1 << category.bit())) != 0) m.put(id, mask);
        });
        return new ScopedPersons(m);
    }

    /** Only these persons (those not in the set stay out). */
    public ScopedPersons only(Collection<UUID> persons) {
        Set<UUID> keep = Set.copyOf(persons);
        Map<UUID, Integer> m = new LinkedHashMap<>();
        masks.forEach((id, mask) -> {
            if (keep.contains(id)) m.put(id, mask);
        });
        return new ScopedPersons(m);
    }

    public Set<UUID> ids() {
        return masks.keySet();
    }

    public boolean isEmpty() {
        return masks.isEmpty();
    }

    /** Binds the two arrays of {@link #FROM} at {@code index} and {@code index + 1}; returns the next index. */
    public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
        List<UUID> ids = new ArrayList<>(masks.keySet());
        ps.setArray(index, c.createArrayOf("uuid", ids.toArray()));
        ps.setArray(index + 1, c.createArrayOf("int4", ids.stream().map(masks::get).toArray(Integer[]::new)));
        return index + 2;
    }
}
