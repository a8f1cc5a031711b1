package no.tettpa.backend.org;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TeamRepository extends GenericRepository<Team, UUID> {
    Team save(Team team);

    Optional<Team> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

    List<Team> findByMunicipalityIdOrderByName(UUID municipalityId);

    @Query("INSERT INTO team_member (municipality_id, team_id, staff_id) VALUES (:municipalityId, :teamId, :staffId) "
            + "ON CONFLICT DO NOTHING")
    void addMember(UUID municipalityId, UUID teamId, UUID staffId);

    @Query("SELECT team_id FROM team_member WHERE municipality_id = :municipalityId AND staff_id = :staffId")
    List<UUID> findTeamIdsOfStaff(UUID municipalityId, UUID staffId);
}
