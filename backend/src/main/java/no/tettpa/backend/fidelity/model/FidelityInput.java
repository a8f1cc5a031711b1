package no.tettpa.backend.fidelity.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fidelity figures of a team for a period are computed from.
 *
 * @param persons      the team's persons
 * @param followUp     each person's follow-up episodes; a person without any is taken as followed throughout
 * @param housingFirst each person's Housing First episodes (none for persons not in Housing First)
 * @param workers      the team's active field workers
 * @param visits       the persons' visits in the period (corrected ones left out)
 * @param housing      the Housing First persons' housing situations, at any time
 */
public record FidelityInput(LocalDate from, LocalDate to, List<UUID> persons, Map<UUID, List<Period>> followUp,
                            Map<UUID, List<Period>> housingFirst, int workers, List<VisitFact> visits,
                            Map<UUID, List<HousingFact>> housing) {}
