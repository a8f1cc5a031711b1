package no.tettpa.simulator;

import no.tettpa.client.SyncTransport;
import no.tettpa.client.TokenSupplier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * A device's way to the server (through the chaos proxy) with the network's other misbehaviours: a request sent
 * twice at once, an old request replayed later, and the server killed while a push is in flight.
 */
final class FaultInjectingTransport implements SyncTransport {
    private final SyncTransport network;
    private final FaultPlan plan;
    private final TokenSupplier tokens;
    private final ExecutorService pool;
    private final Random random;

    FaultInjectingTransport(SyncTransport network, FaultPlan plan, TokenSupplier tokens, ExecutorService pool, long seed) {
        this.network = network;
        this.plan = plan;
        this.tokens = tokens;
        this.pool = pool;
        this.random = new Random(seed);
    }

    @Override
    public Response post(byte[] json, String token) throws IOException {
        boolean push = new String(json, StandardCharsets.UTF_8).contains("\"mutations\":");
        if (push) plan.pushInFlight();
        if (plan.active() && random.nextDouble() < plan.replayRate()) plan.keepForReplay(json, tokens);
        if (plan.active() && random.nextDouble() < plan.duplicateRate()) return twice(json, token);
        return network.post(json, token);
    }

    /** Two copies at once; the device gets whichever answer comes first, the other is lost. */
    private Response twice(byte[] json, String token) throws IOException {
        plan.faults().count("request sent twice at once");
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> post(json, token, network), pool);
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> post(json, token, network), pool);
        try {
            CompletableFuture.anyOf(a, b).get();
            if (a.isDone() && !a.isCompletedExceptionally()) return a.get();
            if (b.isDone() && !b.isCompletedExceptionally()) return b.get();
            try {
                return a.get();
            } catch (ExecutionException e) {
                return b.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("both copies failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Response post(byte[] json, String token, SyncTransport network) {
        try {
            return network.post(json, token);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
