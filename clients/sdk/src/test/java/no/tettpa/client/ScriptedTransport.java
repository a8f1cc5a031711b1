package no.tettpa.client;

import no.tettpa.sync.wire.SyncResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Answers from a script first, then from the real server: for what the server cannot be made to say yet (consent
 * scopes), or to answer exactly as a test vector says.
 */
final class ScriptedTransport implements SyncTransport {
    private final SyncTransport real;
    private final Deque<Response> script = new ArrayDeque<>();
    final List<String> bodies = new ArrayList<>();

    ScriptedTransport(SyncTransport real) {
        this.real = real;
    }

    ScriptedTransport answer(SyncResponse response) {
        script.add(new Response(200, Json.writeBytes(response), null));
        return this;
    }

    ScriptedTransport answer(int status, String body) {
        script.add(new Response(status, body.getBytes(StandardCharsets.UTF_8), null));
        return this;
    }

    ScriptedTransport answer(Response response) {
        script.add(response);
        return this;
    }

    @Override
    public Response post(byte[] json, String token) throws IOException {
        bodies.add(new String(json, StandardCharsets.UTF_8));
        Response scripted = script.poll();
        if (scripted != null) return scripted;
        if (real == null) throw new IOException("no more scripted answers");
        return real.post(json, token);
    }
}
