package no.tettpa.simulator;

import no.tettpa.client.FieldClient;
import no.tettpa.client.LocalRecord;
import no.tettpa.client.PersonScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The changes simulated workers make, across the record types: visits, agreements (drafts, goals, signing, status
 * steps, new versions, deleting drafts), arrears cases and their events, ratings, person details, and resolving
 * conflicts. Each step picks a person the device holds and acts on what the device shows.
 */
final class Workload {
    /**
     * What a step did.
     *
     * @param before            for set-valued fields changed: the value shown before
     * @param targetSeenVersion for a conflict resolution: the version of the conflict's record the device held
     */
    record Step(String kind, Map<String, Object> before, Long targetSeenVersion) {
        static Step of(String kind) {
            return new Step(kind, Map.of(), null);
        }
    }

    private final Random random;
    private final FieldValues values;

    Workload(Random random, FieldValues values) {
        this.random = random;
        this.values = values;
    }

    /** Makes one change; null when the device holds nobody yet. Throws LocalValidationException when refused. */
    Step step(FieldClient c) {
        List<PersonScope> scopes = c.scopes();
        if (scopes.isEmpty()) return null;
        UUID person = scopes.get(random.nextInt(scopes.size())).personId();
        int roll = random.nextInt(100);
        if (roll < 22) return visit(c, person);
        if (roll < 30) return rating(c, person);
        if (roll < 42) return personDetails(c, person);
        if (roll < 58) return arrears(c, person);
        if (roll < 94) return agreement(c, person);
        return resolveConflict(c, person);
    }

    private Step visit(FieldClient c, UUID person) {
        c.recordVisit(person, values.visit());
        return Step.of("visit");
    }

    private Step rating(FieldClient c, UUID person) {
        c.recordRating(person, values.rating());
        return Step.of("rating");
    }

    private Step personDetails(FieldClient c, UUID person) {
        Map<String, Object> change = switch (random.nextInt(4)) {
            case 0 -> Map.of("phone", values.unique("tlf"));
            case 1 -> Map.of("email", values.unique("epost").replace(' ', '.') + "@sim.no");
            case 2 -> Map.of("address", values.unique("Gate"));
            default -> Map.of("contactNotes", values.unique("Notat"));
        };
        c.update("person", person, change);
        return Step.of("person details");
    }

    private LocalRecord any(List<LocalRecord> records) {
        return records.isEmpty() ? null : records.get(random.nextInt(records.size()));
    }

    private Step arrears(FieldClient c, UUID person) {
        List<LocalRecord> cases = c.records("arrears_case", person);
        LocalRecord open = any(cases.stream().filter(r -> "open".equals(r.fields().get("status"))).toList());
        int roll = random.nextInt(10);
        if (cases.isEmpty() || roll == 0) {
            c.create("arrears_case", person, values.arrearsCase());
            return Step.of("arrears case");
        }
        if (roll < 5) {
            c.create("arrears_event", person, values.arrearsEvent(any(cases).id().toString()));
            return Step.of("arrears event");
        }
        if (open == null) return null;
        if (roll == 9) {
            c.update("arrears_case", open.id(), Map.of("status", "closed", "outcome", values.pick(List.of("paid", "agreement_kept"))));
            return Step.of("arrears case closed");
        }
        if (random.nextInt(4) == 0) {
            Object before = open.fields().get("instalments");
            List<Object> instalments = before instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            instalments.add(values.instalment());
            c.update("arrears_case", open.id(), Map.of("instalments", instalments));
            return new Step("arrears case edit", before == null ? Map.of() : Map.of("instalments", before), null);
        }
        Map<String, Object> change = switch (random.nextInt(4)) {
            case 0 -> Map.of("landlordName", values.unique("Utleier"));
            case 1 -> Map.of("monthlyRent", values.amount(5_000));
            case 2 -> Map.of("amountOwed", values.amount(10_000_000));
            default -> Map.of("notes", values.unique("Merknad"));
        };
        c.update("arrears_case", open.id(), change);
        return Step.of("arrears case edit");
    }

    private Step agreement(FieldClient c, UUID person) {
        List<LocalRecord> agreements = c.records("agreement", person);
        LocalRecord draft = any(agreements.stream().filter(r -> "draft".equals(r.fields().get("status"))).toList());
        LocalRecord signed = any(agreements.stream().filter(r -> !"draft".equals(r.fields().get("status"))).toList());
        int roll = random.nextInt(20);
        if (draft == null && signed == null || roll == 0) {
            c.create("agreement", person, values.agreementDraft(1, null));
            return Step.of("agreement draft");
        }
        if (draft != null && roll < 13) return editDraft(c, draft);
        if (draft != null && roll < 15) {
            c.changeAgreement(draft.id(), Map.of("signatures", List.of(values.signature()), "status", "active"));
            return Step.of("agreement signed");
        }
        if (draft != null && roll == 15) {
            c.delete("agreement", draft.id());
            return Step.of("agreement draft deleted");
        }
        if (signed == null) return null;
        String status = String.valueOf(signed.fields().get("status"));
        if ("renewed".equals(status) || "ended".equals(status) || roll == 19) {
            long version = ((Number) signed.fields().get("versionNumber")).longValue() + 1;
            c.create("agreement", person, values.agreementDraft((int) Math.min(version, 1000), signed.id().toString()));
            return Step.of("agreement new version");
        }
        String next = "active".equals(status) ? values.pick(List.of("under_evaluation", "ended"))
                : values.pick(List.of("renewed", "ended"));
        c.changeAgreement(signed.id(), "ended".equals(next) ? Map.of("status", next, "endReason", values.unique("Avsluttet"))
                : Map.of("status", next));
        return Step.of("agreement status");
    }

    private Step editDraft(FieldClient c, LocalRecord draft) {
        Object goals = draft.fields().get("goals");
        switch (random.nextInt(5)) {
            case 0 -> c.changeAgreement(draft.id(), Map.of("responsibilities", values.unique("Ansvar")));
            case 1 -> c.changeAgreement(draft.id(), Map.of("measures", values.unique("Tiltak")));
            case 2 -> c.changeAgreement(draft.id(), Map.of("evaluationDate", values.date()));
            case 3 -> {
                List<Object> more = goals instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
                more.add(values.goal());
                c.changeAgreement(draft.id(), Map.of("goals", more));
                return new Step("agreement goal added", goals == null ? Map.of() : Map.of("goals", goals), null);
            }
            default -> {
                if (!(goals instanceof List<?> l) || l.isEmpty()) return null;
                List<Object> changed = new ArrayList<>(l);
                int i = random.nextInt(changed.size());
                @SuppressWarnings("unchecked")
                Map<String, Object> goal = new java.util.LinkedHashMap<>((Map<String, Object>) changed.get(i));
                goal.put("text", values.unique("Mål"));
                changed.set(i, goal);
                c.changeAgreement(draft.id(), Map.of("goals", changed));
                return new Step("agreement goal changed", Map.of("goals", goals), null);
            }
        }
        return Step.of("agreement draft edit");
    }

    private Step resolveConflict(FieldClient c, UUID person) {
        LocalRecord open = any(c.conflicts().stream().filter(r -> "open".equals(r.fields().get("status"))).toList());
        if (open == null) return visit(c, person);
        UUID target = UUID.fromString(String.valueOf(open.fields().get("recordId")));
        Long seen = c.record(target).map(LocalRecord::serverVersion).orElse(null);
        c.resolveConflict(open.id(), values.pick(List.of("kept", "other")), null, null);
        return new Step("conflict resolved", Map.of(), seen);
    }
}
