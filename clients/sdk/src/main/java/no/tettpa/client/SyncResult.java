package no.tettpa.client;

import java.util.Map;

/**
 * What one {@link FieldClient#sync()} did.
 *
 * @param rounds     round trips made
 * @param outcomes   outcomes applied, by status ({@code applied}, {@code merged}, {@code conflict}, {@code rejected})
 * @param changes    record versions kept from pulls
 * @param evictions  evictions honoured
 * @param complete   true when the outbox is empty (or pushing is blocked) and the last page said no more
 */
public record SyncResult(int rounds, Map<String, Integer> outcomes, int changes, int evictions, boolean complete) {}
