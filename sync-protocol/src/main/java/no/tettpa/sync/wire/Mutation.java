package no.tettpa.sync.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.UUID;

/**
 * One change a device made offline.
 *
 * @param seq         the device's gap-free sequence number, 1, 2, 3, … never reused, never skipped
 * @param entity      the record type (see {@link no.tettpa.sync.schema.Schemas})
 * @param op          {@code create}, {@code update} or {@code delete}
 * @param recordId    the record's id, made by the device for a create (a UUID, ideally v7)
 * @param personId    the person followed up the record is about (for {@code person}, equal to recordId)
 * @param baseVersion for update and delete: the record version the device changed; absent for create
 * @param hlc         the device's hybrid-clock time of the change
 * @param fields      create: every field; update: only the changed fields, with their new values (null clears);
 *                    delete: absent
 */
@Serdeable
public record Mutation(long seq, String entity, String op, UUID recordId, UUID personId, @Nullable Long baseVersion,
                       String hlc, @Nullable Map<String, Object> fields) {}
