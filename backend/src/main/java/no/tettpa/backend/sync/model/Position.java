package no.tettpa.backend.sync.model;

/**
 * A point in a tenant's change feed: every record version written by a transaction with id below {@code xid},
 * plus those of transaction {@code xid} with sequence up to {@code seq}. {@link #START} is before everything.
 * Transactions commit out of order, so the feed is only read below the safe horizon (the oldest transaction
 * still running); behind it, nothing new can appear.
 */
public record Position(long xid, long seq) implements Comparable<Position> {
    public static final Position START = new Position(0, 0);

    public static Position horizon(long xmin) {
        return new Position(xmin, 0);
    }

    @Override
    public int compareTo(Position o) {
        int c = Long.compare(xid, o.xid);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
