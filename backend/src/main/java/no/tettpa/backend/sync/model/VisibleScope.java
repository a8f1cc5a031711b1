package no.tettpa.backend.sync.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One person a device may hold now: in which categories (a {@link no.tettpa.sync.schema.Category} mask), on what
 * basis, and until when (for consent and exceptional access, when known).
 */
public record VisibleScope(UUID personId, int categories, Basis basis, Instant until) {}
