package no.tettpa.sync.schema;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowed steps of a status field. Steps only move forward: the transitions form a directed acyclic graph.
 * A device's step from its base status is applied when it is allowed from the server's current status too;
 * otherwise it is a conflict.
 *
 * @param field       the status field
 * @param initial     the statuses a record may be created in
 * @param transitions for each status, the statuses it may move to in one step
 */
public record StatusWorkflow(String field, Set<String> initial, Map<String, Set<String>> transitions) {
    public StatusWorkflow {
        initial = Set.copyOf(initial);
        transitions = Map.copyOf(transitions);
    }

    public static StatusWorkflow of(String field, List<String> initial, Map<String, Set<String>> transitions) {
        return new StatusWorkflow(field, Set.copyOf(initial), transitions);
    }

    public boolean allowed(String from, String to) {
        return transitions.getOrDefault(from, Set.of()).contains(to);
    }

    /** Whether {@code to} lies ahead of {@code from} along the workflow (one or more steps). */
    public boolean ahead(String from, String to) {
        Set<String> seen = new HashSet<>();
        var queue = new ArrayDeque<String>(transitions.getOrDefault(from, Set.of()));
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (s.equals(to)) return true;
            if (seen.add(s)) queue.addAll(transitions.getOrDefault(s, Set.of()));
        }
        return false;
    }

    public Set<String> statuses() {
        Set<String> all = new HashSet<>(initial);
        transitions.forEach((k, v) -> {
            all.add(k);
            all.addAll(v);
        });
        return all;
    }
}
