package no.tettpa.client;

/**
 * Access tokens for the sync endpoint, from the municipality's OpenID Connect provider. The SDK asks for one
 * before every request and tells the supplier when the server refused it, so a cached token can be refreshed.
 */
public interface TokenSupplier {

    /** A current access token; may block to refresh one. */
    String token();

    /** The server answered {@code unauthorized} to this token: drop it from any cache. */
    default void invalidate(String rejectedToken) {}
}
