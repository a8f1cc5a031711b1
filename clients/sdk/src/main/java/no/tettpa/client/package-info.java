/**
 * The Tettpå field SDK: what a worker's app calls while offline, and the sync loop that reconciles it with the
 * server following PROTOCOL.md (§ 10 is the loop).
 *
 * <p>Start with {@link no.tettpa.client.FieldClient}. Its state lives in a {@link no.tettpa.client.LocalStore}
 * ({@link no.tettpa.client.SqliteStore} on the JVM; an Android app supplies one on its own SQLite) and it talks to
 * the server through a {@link no.tettpa.client.SyncTransport} ({@link no.tettpa.client.HttpSyncTransport}), with
 * access tokens from a {@link no.tettpa.client.TokenSupplier}.
 *
 * <p>Guarantees: every local edit and every server answer changes the store in exactly one transaction, so the
 * app may be killed at any point and resumes without losing or repeating anything; a mutation leaves the outbox
 * only with its outcome; a rejected mutation stays in the needs-attention list until the worker dismisses it.
 */
package no.tettpa.client;
