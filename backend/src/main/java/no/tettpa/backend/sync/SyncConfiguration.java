package no.tettpa.backend.sync;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code tettpa.sync.*}: the sync engine's limits. */
@ConfigurationProperties("tettpa.sync")
public class SyncConfiguration {
    private int maxMutationsPerRequest = 1000;
    private int pageMaxChanges = 2000;
    private int pageMaxBytes = 2_000_000;
    private Duration maxClockAhead = Duration.ofMinutes(5);
    private Duration partnerLease = Duration.ofHours(72);

    public int getMaxMutationsPerRequest() { return maxMutationsPerRequest; }
    public void setMaxMutationsPerRequest(int v) { this.maxMutationsPerRequest = v; }
    public int getPageMaxChanges() { return pageMaxChanges; }
    public void setPageMaxChanges(int v) { this.pageMaxChanges = v; }
    public int getPageMaxBytes() { return pageMaxBytes; }
    public void setPageMaxBytes(int v) { this.pageMaxBytes = v; }
    public Duration getMaxClockAhead() { return maxClockAhead; }
    public void setMaxClockAhead(Duration v) { this.maxClockAhead = v; }
    public Duration getPartnerLease() { return partnerLease; }
    public void setPartnerLease(Duration v) { this.partnerLease = v; }
}
