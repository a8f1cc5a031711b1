package no.tettpa.sync.merge;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.tettpa.sync.merge.SyncModel.Run;
import no.tettpa.sync.merge.SyncModel.Scenario;
import no.tettpa.sync.merge.SyncModel.Write;

import java.util.List;

import static no.tettpa.sync.merge.SyncModel.AMOUNT;
import static no.tettpa.sync.merge.SyncModel.CODE;
import static no.tettpa.sync.merge.SyncModel.COUNT;
import static no.tettpa.sync.merge.SyncModel.ITEMS;
import static no.tettpa.sync.merge.SyncModel.NOTES;
import static no.tettpa.sync.merge.SyncModel.TITLE;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * "Whatever it decides, the value that is not kept goes into a conflict record, never away" ({@link
 * no.tettpa.sync.schema.MergePolicy}). The server is modelled by {@link SyncModel}.
 */
class NothingLostPropertiesTest {

    @Provide
    Arbitrary<Scenario> concurrent() {
        return SyncModel.scenarios(0, 4, 1, false);
    }

    @Provide
    Arbitrary<Scenario> offline() {
        return SyncModel.scenarios(2, 4, 3, true);
    }

    @Provide
    Arbitrary<Scenario> oneEditPerDevice() {
        return SyncModel.scenarios(2, 4, 1, false);
    }

    static final List<String> SCALARS = List.of(TITLE, COUNT, AMOUNT, NOTES, CODE);

    /**
     * <b>Concurrent edits.</b> One create, then 1..4 devices each send one update based on version 1, applied in any
     * order. For every scalar field of every policy ({@code title}, {@code count}: LWW; {@code amount}: SERVER_WINS;
     * {@code notes}: LONG_TEXT; {@code code}: REVIEW), every value any of these edits wrote is either the field's
     * final value or the kept or other value of a conflict draft on that field produced along the way. For the
     * objects of a set ({@code items}), every element content an edit added or changed is in the final list or the
     * kept or other value of a conflict draft on that element.
     */
    @Property(tries = 1000)
    void everyWrittenValueIsCurrentOrInAConflict(@ForAll("concurrent") Scenario sc) {
        Run run = SyncModel.run(sc);
        for (Write w : run.writes()) {
            if (w.edit().op() != Edit.Op.UPDATE) continue;
            for (String field : SCALARS) {
                if (w.fields().containsKey(field)) requireKept(run, w, field, w.fields().get(field));
            }
            checkElementsKept(run, w, false);
        }
    }

    /**
     * <b>Full model, scalar fields</b> (shared history, devices editing offline in sequence from any version of it,
     * retries; see {@link SyncModel}). For every scalar field, every value a write wrote is either the final value or
     * the kept or other value of a conflict draft on that field, unless a later write knowingly replaced it: a
     * write that had seen it (the same device's next edit, or anyone who pulled a version holding it), or whose own
     * view of the field held that value.
     */
    @Property(tries = 1000)
    void everyValueNotKnowinglyReplacedIsCurrentOrInAConflict(@ForAll("offline") Scenario sc) {
        Run run = SyncModel.run(sc);
        for (String field : SCALARS) {
            for (Write w : run.writes()) {
                if (w.fields().containsKey(field) && !SyncModel.superseded(run.writes(), w, field)) {
                    requireKept(run, w, field, w.fields().get(field));
                }
            }
        }
    }

    /**
     * <b>Full model, objects in a set.</b> Every element content a write added or changed in {@code items} is in the
     * final list, or the kept or other value of a conflict draft on that element, or was removed or replaced by a
     * write that had that very content in its view.
     */
    @Property(tries = 1000)
    void everyElementNotKnowinglyReplacedIsCurrentOrInAConflict(@ForAll("offline") Scenario sc) {
        Run run = SyncModel.run(sc);
        for (Write w : run.writes()) checkElementsKept(run, w, true);
    }

    /**
     * <b>One edit per device, objects in a set.</b> The property above over the shared history and devices that
     * each send one edit once: the part that holds today.
     */
    @Property(tries = 1000)
    void everyElementNotKnowinglyReplacedIsCurrentOrInAConflictOneEditPerDevice(@ForAll("oneEditPerDevice") Scenario sc) {
        Run run = SyncModel.run(sc);
        for (Write w : run.writes()) checkElementsKept(run, w, true);
    }

    private static void checkElementsKept(Run run, Write w, boolean unlessKnowinglyReplaced) {
        if (!w.fields().containsKey(ITEMS)) return;
        var now = SyncModel.elements(ITEMS, run.result().body().get(ITEMS));
        var before = SyncModel.elements(ITEMS, w.view().get(ITEMS));
        SyncModel.elements(ITEMS, w.fields().get(ITEMS)).forEach((key, element) -> {
            if (before.containsKey(key) && Values.same(before.get(key), element)) return; // not written here
            if (Values.same(now.get(key), element)) return;
            String draftField = ITEMS + "[" + key + "]";
            boolean inDraft = run.drafts().stream().anyMatch(d -> draftField.equals(d.field())
                    && (Values.same(d.keptValue(), element) || Values.same(d.otherValue(), element)));
            if (inDraft) return;
            boolean knowinglyReplaced = unlessKnowinglyReplaced && run.writes().stream().anyMatch(r -> r.fields().containsKey(ITEMS)
                    && Values.same(SyncModel.elements(ITEMS, r.view().get(ITEMS)).get(key), element)
                    && !Values.same(SyncModel.elements(ITEMS, r.fields().get(ITEMS)).get(key), element));
            if (!knowinglyReplaced) {
                fail(draftField + ": " + element + " from " + w + " is lost: not current, not in a conflict"
                        + (unlessKnowinglyReplaced ? ", and nobody who saw it replaced it" : "") + run.trace());
            }
        });
    }

    private static void requireKept(Run run, Write w, String field, Object v) {
        if (Values.same(run.result().body().get(field), v)) return;
        boolean inDraft = run.drafts().stream().anyMatch(d -> field.equals(d.field())
                && (Values.same(d.keptValue(), v) || Values.same(d.otherValue(), v)));
        if (!inDraft) fail(field + ": " + v + " from " + w + " is neither current nor in a conflict draft" + run.trace());
    }
}
