package no.tettpa.backend.sync.model;

import java.util.Optional;

/** Why a device may hold a person's records. */
public enum Basis {
    CASELOAD("caseload", 0),
    CONSENT("consent", 1),
    EXCEPTIONAL("exceptional", 2);

    private final String wire;
    private final int code;

    Basis(String wire, int code) {
        this.wire = wire;
        this.code = code;
    }

    public String wire() {
        return wire;
    }

    public int code() {
        return code;
    }

    public static Optional<Basis> fromCode(int code) {
        for (Basis b : values()) if (b.code == code) return Optional.of(b);
        return Optional.empty();
    }
}
