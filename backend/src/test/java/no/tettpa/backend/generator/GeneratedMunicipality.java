package no.tettpa.backend.generator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the generator made: the municipality, its teams with their leaders and workers (their sign-in subjects at
 * the development issuer), how many records of each type, how many record versions in all, and a digest of every
 * version written.
 */
public record GeneratedMunicipality(UUID id, String number, List<Team> teams, UUID administratorId,
                                    String administratorSubject, Map<String, Long> records, long versions,
                                    String digest) {

    public record Team(UUID id, String name, String kind, UUID leaderId, String leaderSubject, List<UUID> workerIds,
                       List<String> workerSubjects, List<UUID> personIds) {}

    public Team team(String kind) {
        return teams.stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
    }
}
