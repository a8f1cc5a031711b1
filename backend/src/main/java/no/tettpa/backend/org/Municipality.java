package no.tettpa.backend.org;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A municipality (kommune): the tenant every other record belongs to. {@code number} is the kommunenummer. */
@Serdeable
@MappedEntity("municipality")
public record Municipality(@Id UUID id, String number, String name) {}
