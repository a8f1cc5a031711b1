package no.tettpa.backend.support;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.records.RecordService;
import no.tettpa.backend.sync.RecordStore;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every read reported to the access log, for tests that check views report what they show. */
@Singleton
@Requires(property = "tettpa.test.record-reads", value = "true")
public class RecordingReadListener implements RecordService.ReadListener {
    public record Read(UUID staffId, UUID personId, int records, String purpose) {}

    private final List<Read> reads = new CopyOnWriteArrayList<>();

    @Override
    public void read(Connection c, Caller caller, UUID personId, List<RecordStore.StoredRecord> records, String basis,
                     String purpose) {
        reads.add(new Read(caller.staffId(), personId, records.size(), purpose));
    }

    public List<Read> by(UUID staffId) {
        return reads.stream().filter(r -> r.staffId().equals(staffId)).toList();
    }
}
