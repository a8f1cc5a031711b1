package no.tettpa.backend.org;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.List;
import java.util.UUID;

/** A staff member and the identity-provider subject they sign in with. */
@MappedEntity("staff")
public record Staff(@Id UUID id, UUID municipalityId, String displayName, String issuer, String subject,
                    @TypeDef(type = DataType.STRING_ARRAY) List<String> roles, boolean active) {}
