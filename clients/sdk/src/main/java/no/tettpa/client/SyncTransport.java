package no.tettpa.client;

import java.io.IOException;
import java.time.Duration;

/**
 * One POST of a sync request body to the server. Implementations compress the body and ask for a compressed
 * answer, and return the answer's body uncompressed. An Android app, or a test injecting faults, supplies its own.
 */
public interface SyncTransport {

    /**
     * Sends the JSON body with the bearer token.
     *
     * @return the HTTP answer, whatever its status
     * @throws IOException when no complete answer arrived (refused, cut, timed out): the request may or may not have
     *                     reached the server, and resending it is safe
     */
    Response post(byte[] json, String bearerToken) throws IOException;

    /**
     * An HTTP answer.
     *
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    record Response(int status, byte[] body, Duration retryAfter) {}
}
