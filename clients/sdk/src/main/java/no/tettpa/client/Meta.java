package no.tettpa.client;

/** Keys of the store's meta table. */
final class Meta {
    private Meta() {}

    static final String DEVICE_ID = "device_id";
    /** the last hybrid-clock timestamp this device issued or merged */
    static final String HLC = "hlc";
    static final String NEXT_SEQ = "next_seq";
    static final String CHECKPOINT = "checkpoint";
    static final String LEASE_UNTIL = "lease_until";
    static final String LEASE_SECONDS = "lease_seconds";
    /** the device's wall-clock time when the lease was received */
    static final String LEASE_RECEIVED_AT = "lease_received_at";
    /** active, revoked (wiped), upgrade_required */
    static final String STATE = "state";
    /** the schema version that was refused with upgrade-required */
    static final String REFUSED_SCHEMA = "refused_schema";
    /** the server's last clock notice (JSON), present while the device's clock runs ahead */
    static final String CLOCK_NOTICE = "clock_notice";
    /** set when the server expects mutations the device no longer has: pushing stops, the worker is told */
    static final String PUSH_BLOCKED = "push_blocked";
    static final String LAST_SYNC_AT = "last_sync_at";
}
