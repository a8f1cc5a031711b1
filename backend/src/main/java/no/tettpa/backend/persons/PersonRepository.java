package no.tettpa.backend.persons;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonRepository extends GenericRepository<Person, UUID> {
    Person save(Person person);

    Optional<Person> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

    List<Person> findByMunicipalityIdAndTeamIdOrderByDisplayName(UUID municipalityId, UUID teamId);

    long countByMunicipalityId(UUID municipalityId);
}
