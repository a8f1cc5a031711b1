package no.tettpa.client;

import java.time.Duration;

/**
 * A sync that did not complete. Nothing is lost either way: what was not answered stays in the outbox.
 * {@link #retryable()} says whether trying again later can help; otherwise the worker or an administrator must act
 * (sign in again, update the app, hand in a revoked device).
 */
public final class SyncException extends RuntimeException {

    /** Why the sync stopped. */
    public enum Kind {
        /** no answer: offline, refused, cut, timed out */
        NETWORK(true),
        /** the server answered 5xx (e.g. its database restarting) */
        SERVER_UNAVAILABLE(true),
        /** the answer could not be read */
        BAD_ANSWER(true),
        /** the token was refused twice: sign in again */
        UNAUTHORIZED(false),
        /** the token's staff member may not sync, or the device belongs to another worker */
        FORBIDDEN(false),
        /** the device was revoked; its data is wiped */
        DEVICE_REVOKED(false),
        /** the server no longer serves this app's protocol or schema: update the app; the outbox is kept */
        UPGRADE_REQUIRED(false),
        /** the server refused the request itself (a 4xx that is not one of the above) */
        REFUSED(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public SyncException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
