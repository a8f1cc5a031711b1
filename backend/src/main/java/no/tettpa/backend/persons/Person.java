package no.tettpa.backend.persons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** A person followed up (tjenestemottaker), on a team's caseload with a named coordinator. */
@MappedEntity("person")
public record Person(@Id UUID id, UUID municipalityId, String displayName, UUID teamId,
                     @Nullable UUID coordinatorId) {}
