package no.tettpa.backend.sync;

import jakarta.inject.Singleton;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.clock.HlcClock;

import java.util.UUID;

/**
 * This server instance's hybrid logical clock. Each instance is its own node (its id breaks ties), so several
 * instances on one database still produce a total order; nothing relies on their clocks agreeing.
 */
@Singleton
public class ServerClock {
    private final HlcClock clock;

    public ServerClock(SyncConfiguration config) {
        String node = "srv-" + UUID.randomUUID().toString().substring(0, 8);
        this.clock = new HlcClock(node, System::currentTimeMillis, config.getMaxClockAhead().toMillis());
    }

    public Hlc now() {
        return clock.now();
    }

    public HlcClock.Received receive(Hlc remote) {
        return clock.receive(remote);
    }

    public String node() {
        return clock.node();
    }
}
