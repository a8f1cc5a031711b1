package no.tettpa.backend.sync.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a device stands, per scope: for each person it holds, the categories it holds, on what basis, and the
 * feed position up to which it has them. A person being backfilled in newly granted categories has a second
 * entry with its own position. Devices treat the encoded form as opaque; it is a versioned binary layout,
 * base64url-encoded, so a damaged or forged checkpoint is detected, never misread.
 */
public record Checkpoint(List<Entry> entries) {
    private static final byte LAYOUT = 1;
    private static final int MAX_ENTRIES = 100_000;

    public record Entry(UUID personId, int categories, Basis basis, Position position) {}

    public static final Checkpoint EMPTY = new Checkpoint(List.of());

    public Checkpoint {
        entries = List.copyOf(entries);
    }

    public String encode() {
        var out = new ByteArrayOutputStream(8 + entries.size() * 28);
        out.write(LAYOUT);
        writeVarLong(out, entries.size());
        ByteBuffer uuid = ByteBuffer.allocate(16);
        for (Entry e : entries) {
            uuid.clear();
            uuid.putLong(e.personId().getMostSignificantBits()).putLong(e.personId().getLeastSignificantBits());
            out.write(uuid.array(), 0, 16);
            writeVarLong(out, e.categories());
            out.write(e.basis().code());
            writeVarLong(out, e.position().xid());
            writeVarLong(out, e.position().seq());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Decodes a checkpoint; null or empty text is the start. Throws IllegalArgumentException when damaged. */
    public static Checkpoint decode(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint is not base64url");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.get() != LAYOUT) throw new IllegalArgumentException("unknown checkpoint layout");
            long n = readVarLong(in);
            if (n < 0 || n > MAX_ENTRIES) throw new IllegalArgumentException("checkpoint too large");
            List<Entry> entries = new ArrayList<>((int) n);
            for (int i = 0; i < n; i++) {
                UUID person = new UUID(in.getLong(), in.getLong());
                int categories = (int) readVarLong(in);
                Basis basis = Basis.fromCode(in.get()).orElseThrow(() -> new IllegalArgumentException("bad basis"));
                long xid = readVarLong(in);
                long seq = readVarLong(in);
                if (categories <= 0 || xid < 0 || seq < 0) throw new IllegalArgumentException("bad checkpoint entry");
                entries.add(new Entry(person, categories, basis, new Position(xid, seq)));
            }
            if (in.hasRemaining()) throw new IllegalArgumentException("trailing bytes in checkpoint");
            return new Checkpoint(entries);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("checkpoint is truncated");
        }
    }

    private static void writeVarLong(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarLong(ByteBuffer in) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new IllegalArgumentException("bad varint in checkpoint");
    }
}
