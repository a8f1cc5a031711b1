package no.tettpa.sync;

import no.tettpa.sync.wire.SyncRequest;
import no.tettpa.sync.wire.SyncResponse;

/**
 * The sync operation: one POST of a {@link SyncRequest} as JSON to {@link #PATH} with a bearer token, answered
 * with a {@link SyncResponse} (or an RFC 9457 problem). Bodies may be gzip-compressed both ways
 * ({@code Content-Encoding: gzip}, {@code Accept-Encoding: gzip}). See PROTOCOL.md for the guarantees.
 */
public interface SyncOperations {
    String PATH = "/api/v1/sync";

    SyncResponse sync(SyncRequest request);
}
