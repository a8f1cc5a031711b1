package no.tettpa.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback between the devices and the server that cuts connections at random points: a connection
 * is reset after a random number of bytes of the requests (the server gets part of one, or all of it and then
 * loses the client) or of the responses (the device gets part of an answer), about one request in {@code 1/cutRate}.
 */
final class ChaosProxy implements AutoCloseable {
    private static final long AVERAGE_REQUEST_BYTES = 3000;
    private final ServerSocket listener;
    private final int upstreamPort;
    private final FaultLog faults;
    private final Random random;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile double cutRate;

    ChaosProxy(int upstreamPort, double cutRate, FaultLog faults, long seed) throws IOException {
        this.listener = new ServerSocket();
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.upstreamPort = upstreamPort;
        this.cutRate = cutRate;
        this.faults = faults;
        this.random = new Random(seed);
        Thread acceptor = new Thread(this::accept, "chaos-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** 0 turns cutting off (for the final sync). */
    void cutRate(double rate) {
        this.cutRate = rate;
    }

    private void accept() {
        while (open.get()) {
            try {
                Socket client = listener.accept();
                relay(client);
            } catch (IOException e) {
                if (open.get()) faults.count("proxy accept failure");
            }
        }
    }

    private void relay(Socket client) {
        Socket server;
        try {
            server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        } catch (IOException e) {
            reset(client);
            return;
        }
        long requestCut = -1;
        long responseCut = -1;
        synchronized (random) {
            // A connection is kept alive for many requests: the cut point is spread over the traffic it may carry,
            // so on average one cut falls every AVERAGE_REQUEST_BYTES / cutRate bytes.
            if (cutRate > 0) {
                long at = (long) (random.nextDouble() * AVERAGE_REQUEST_BYTES / cutRate);
                if (random.nextBoolean()) requestCut = at;
                else responseCut = at;
            }
        }
        pump(client, server, requestCut, "connection cut in the request");
        pump(server, client, responseCut, "connection cut in the response");
    }

    private void pump(Socket from, Socket to, long cutAfter, String kind) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (cutAfter >= 0 && passed + n > cutAfter) {
                        out.write(buffer, 0, (int) (cutAfter - passed));
                        out.flush();
                        faults.count(kind);
                        reset(from);
                        reset(to);
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    passed += n;
                }
            } catch (IOException e) {
                // the other direction closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "chaos-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Closes with a TCP reset, as a dropped mobile connection looks to the other side. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        open.set(false);
        listener.close();
    }
}
