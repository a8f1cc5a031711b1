package no.tettpa.client;

import java.util.UUID;

/** Whether the device may hold a person's records of a category, by the scopes the server sent. */
final class Scopes {
    private Scopes() {}

    static boolean holds(StoreTransaction tx, UUID personId, String category) {
        return tx.scope(personId).map(s -> s.categories().contains(category)).orElse(false);
    }
}
