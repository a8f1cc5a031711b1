package no.tettpa.backend.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.sync.schema.Category;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A record version as the API shows it: its fields, who wrote this version, from which device, when. {@code derived}
 * holds what the server computes on reading (an arrears case's legal deadlines).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordView(UUID id, String entity, String category, UUID personId, long version, boolean deleted,
                         @Nullable Map<String, Object> fields, @Nullable UUID writtenBy, @Nullable UUID device,
                         @Nullable Instant writtenAt, @Nullable Map<String, Object> derived) {

    public static RecordView of(RecordStore.StoredRecord r) {
        return new RecordView(r.recordId(), r.entity(), category(r.category()), r.personId(), r.version(), r.deleted(),
                r.deleted() ? null : r.body(), r.authorId(), r.deviceId(), r.writtenAt(), null);
    }

    public RecordView withDerived(Map<String, Object> d) {
        return new RecordView(id, entity, category, personId, version, deleted, fields, writtenBy, device, writtenAt, d);
    }

    static String category(int bit) {
        for (Category c : Category.values()) if (c.bit() == bit) return c.wire();
        return null;
    }
}
