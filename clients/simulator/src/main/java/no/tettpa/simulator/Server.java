package no.tettpa.simulator;

import java.net.URI;

/** The Tettpå server under test, which the simulator can kill and start again on the same port. */
interface Server extends AutoCloseable {

    /** Starts it and waits until it answers. */
    void start();

    /** Stops it abruptly: whatever it was doing is cut off. */
    void kill();

    /** Where it listens (directly, not through the proxy). */
    URI uri();

    /** What "kill" means for this kind of server, for the report. */
    String killKind();

    @Override
    default void close() {
        kill();
    }
}
