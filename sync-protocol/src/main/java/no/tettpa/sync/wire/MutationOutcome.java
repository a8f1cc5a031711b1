package no.tettpa.sync.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * What the server did with one mutation. Final: the same seq always gets the same outcome.
 *
 * @param status    {@code applied}: as sent. {@code merged}: combined with changes the device had not seen;
 *                  {@code record} is the result and {@code fields} says which of its values were overwritten and by
 *                  whom. {@code conflict}: both values kept and a person must choose ({@code conflictIds}).
 *                  {@code rejected}: nothing applied; {@code rejection} says why. The server keeps the mutation as
 *                  received in every case.
 * @param version   the record's version after this mutation (applied, merged, conflict)
 * @param record    the record as it now stands, when it differs from what the device holds (merged, conflict)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MutationOutcome(long seq, String status, @Nullable UUID recordId, @Nullable Long version,
                              @Nullable List<FieldOutcome> fields, @Nullable List<UUID> conflictIds,
                              @Nullable Rejection rejection, @Nullable Change record) {

    /**
     * @param resolution {@code yours_kept}, {@code theirs_kept}, {@code set_merged} or {@code review}
     * @param theirValue the other side's value (the one overwritten, or the one kept)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldOutcome(String field, String resolution, @Nullable Object theirValue,
                               @Nullable String theirAuthor, @Nullable String theirDevice, @Nullable String theirHlc,
                               @Nullable UUID conflictId) {}

    /**
     * @param code    stable: validation, unknown_entity, unknown_field, not_found, append_only, immutable, locked,
     *                invalid_transition, bad_base_version, id_conflict, out_of_scope, scope_withdrawn, forbidden,
     *                server_only, device_revoked
     * @param field   the offending field, when there is one
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejection(String code, @Nullable String field, String message) {}
}
