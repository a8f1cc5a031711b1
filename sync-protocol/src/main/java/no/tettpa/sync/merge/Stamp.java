package no.tettpa.sync.merge;

import no.tettpa.sync.clock.Hlc;

/** Who wrote a value, from which device, at which hybrid-clock time. {@code device} is null for web writes. */
public record Stamp(Hlc hlc, String author, String device) {}
