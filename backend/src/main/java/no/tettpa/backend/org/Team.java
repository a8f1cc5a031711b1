package no.tettpa.backend.org;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * A team. {@code kind}: boveiledning, housing_first, act or fact. {@code partner} marks an ACT/FACT team that sees
 * persons only through consent; {@code controllerKind}/{@code controllerName} say which data controller owns what
 * the team records (the municipality, or the hospital trust of an ACT/FACT team).
 */
@Serdeable
@MappedEntity("team")
public record Team(@Id UUID id, UUID municipalityId, String name, String kind, String controllerKind,
                   String controllerName, boolean partner) {}
