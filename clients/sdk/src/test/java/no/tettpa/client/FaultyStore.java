package no.tettpa.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A store whose next write transaction dies part-way, the way a killed process does: after a given number of
 * record writes, the transaction throws and nothing of it is committed.
 */
final class FaultyStore implements LocalStore {
    /** The process died here. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("process killed (simulated)");
        }
    }

    private final LocalStore delegate;
    private volatile int killAfterRecordWrites = -1;

    FaultyStore(LocalStore delegate) {
        this.delegate = delegate;
    }

    /** The next write transaction that writes more than {@code n} records dies at its (n+1)th. */
    void killAfterRecordWrites(int n) {
        killAfterRecordWrites = n;
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        int limit = killAfterRecordWrites;
        if (limit < 0) return delegate.write(work);
        AtomicInteger writes = new AtomicInteger();
        return delegate.write(tx -> work.apply((StoreTransaction) Proxy.newProxyInstance(
                StoreTransaction.class.getClassLoader(), new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> {
                    if (method.getName().equals("putRecord") && writes.incrementAndGet() > limit) {
                        killAfterRecordWrites = -1;
                        throw new Killed();
                    }
                    try {
                        return method.invoke(tx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                })));
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return delegate.read(work);
    }

    @Override
    public void scrub() {
        delegate.scrub();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
