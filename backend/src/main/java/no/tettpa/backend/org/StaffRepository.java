package no.tettpa.backend.org;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffRepository extends GenericRepository<Staff, UUID> {
    Staff save(Staff staff);

    Staff update(Staff staff);

    Optional<Staff> findByIssuerAndSubject(String issuer, String subject);

    Optional<Staff> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

    List<Staff> findByMunicipalityIdOrderByDisplayName(UUID municipalityId);
}
