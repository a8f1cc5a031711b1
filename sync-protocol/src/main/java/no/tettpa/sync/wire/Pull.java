package no.tettpa.sync.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * @param checkpoint the checkpoint of the last page the device applied, or null for a first sync. Opaque: store
 *                   it as received and send it back; never build or edit one
 * @param limit      at most this many changes in the page (the server caps it)
 */
@Serdeable
public record Pull(@Nullable String checkpoint, @Nullable Integer limit) {}
