package no.tettpa.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The real transport with faults on cue, one per request, in the order planned. */
final class FaultyTransport implements SyncTransport {
    enum Fault {
        /** this request goes through */
        NONE,
        /** the connection is refused: nothing reaches the server */
        REFUSE,
        /** the request reaches the server and is answered, but the answer never arrives */
        LOSE_ANSWER,
        /** a broken middlebox drops the first mutation of the request */
        DROP_FIRST_MUTATION
    }

    private final SyncTransport delegate;
    private final Deque<Fault> plan = new ArrayDeque<>();
    final List<String> bodies = new ArrayList<>();
    /** runs while a request is in flight: the app keeps working during a sync */
    Runnable duringRequest = () -> { };

    FaultyTransport(SyncTransport delegate) {
        this.delegate = delegate;
    }

    FaultyTransport then(Fault fault) {
        plan.add(fault);
        return this;
    }

    @Override
    public Response post(byte[] json, String token) throws IOException {
        Fault fault = plan.poll();
        if (fault == Fault.REFUSE) throw new IOException("connection refused (simulated)");
        if (fault == Fault.DROP_FIRST_MUTATION) json = withoutFirstMutation(json);
        bodies.add(new String(json, StandardCharsets.UTF_8));
        Runnable during = duringRequest;
        duringRequest = () -> { };
        during.run();
        Response answer = delegate.post(json, token);
        if (fault == Fault.LOSE_ANSWER) throw new IOException("connection reset (simulated): answer lost");
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static byte[] withoutFirstMutation(byte[] json) {
        Map<String, Object> request = Json.readMap(new String(json, StandardCharsets.UTF_8));
        List<Object> mutations = new ArrayList<>((List<Object>) request.get("mutations"));
        mutations.remove(0);
        request.put("mutations", mutations);
        return Json.writeBytes(request);
    }
}
