package no.tettpa.sync.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.UUID;

/**
 * A record version delivered to a device: the whole record as it stands at {@code version}. A device keeps it if
 * {@code version} is higher than the one it holds and ignores it otherwise, so repeated and reordered deliveries
 * are harmless. {@code deleted} marks a tombstone: remove the record.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(String entity, UUID id, UUID personId, long version, boolean deleted,
                     @Nullable Map<String, Object> fields) {}
