package no.tettpa.backend.records;

import jakarta.inject.Singleton;
import no.tettpa.backend.persons.model.NationalIdentityNumber;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;
import no.tettpa.sync.schema.Validation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field records' rules, by record type, applied to every write however it arrives. A record type without
 * rules of its own is accepted as its fields' bounds allow.
 */
@Singleton
public class FieldRecordRules implements DomainRules {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Map<String, EntityRules> byEntity = new HashMap<>();

    public FieldRecordRules(List<EntityRules> rules) {
        for (EntityRules r : rules) byEntity.put(r.entity(), r);
    }

    @Override
    public Verdict check(Write write, RecordLookup lookup) {
        EntityRules rules = byEntity.get(write.entity());
        if (rules == null) return Verdict.accept(write.next());
        Problems problems = new Problems();
        rules.check(write, lookup, LocalDate.now(Validation.Context.NORWAY), problems);
        return new Verdict(write.next(), problems.list());
    }

    @Override
    public Map<String, Validation.FormatCheck> formats() {
        return Map.of(
                "national-id", NationalIdentityNumber::problem,
                "email", v -> EMAIL.matcher(v).matches() ? Optional.empty() : Optional.of("must be an e-mail address"));
    }
}
