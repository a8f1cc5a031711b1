package no.tettpa.backend.fidelity.model;

import java.time.LocalDate;

/**
 * A team's fidelity figures for a period; see {@link Fidelity} for each definition. {@code housingFirst} is absent
 * when no person of the team was in Housing First during the period.
 */
public record FidelityFigures(LocalDate from, LocalDate to, int days, int personsFollowed, Figure caseloadRatio,
                              Figure seenByMoreThanOneStaff, Figure contactsInCommunity, Figure contactsPerWeek,
                              Figure networkContactsPerMonth, HousingFirstFigures housingFirst) {

    /**
     * @param persons         persons in Housing First during the period
     * @param intakeToHousing days from intake to housing of those housed in the period
     * @param housedInPeriod  how many were housed in the period
     * @param notYetHoused    persons in Housing First at the end of the period who were not yet housed
     */
    public record HousingFirstFigures(int persons, Figure visitsPerWeek, Figure weeksWithVisit, Figure intakeToHousing,
                                      int housedInPeriod, int notYetHoused) {}
}
