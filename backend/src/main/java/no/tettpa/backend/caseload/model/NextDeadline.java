package no.tettpa.backend.caseload.model;

import java.time.LocalDate;
import java.util.UUID;

/** The earliest upcoming legal deadline among a person's open arrears cases, and which case it belongs to. */
public record NextDeadline(UUID caseId, String kind, String name, String legalBasis, LocalDate date) {}
