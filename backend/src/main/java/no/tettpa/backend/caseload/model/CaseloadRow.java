package no.tettpa.backend.caseload.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One person on a caseload overview. See {@link CaseloadRules} for what each figure means.
 *
 * @param lastContactAt             the start of the latest visit that took place (not a failed attempt)
 * @param daysSinceLastContact      whole days from that visit's date to today (Norwegian time); null if never
 * @param failedAttemptsInRow       how many of the latest visits, counting back from the newest, are failed attempts
 * @param nextStep                  the latest visit's next step and its date
 * @param overdueNextStep           the latest visit's next-step date has passed
 * @param agreementsDueForEvaluation active agreements whose evaluation date is within 14 days or past
 * @param nextEvaluationDate        the earliest evaluation date among active agreements
 * @param openArrearsCases          open husleierestanse cases
 * @param nextLegalDeadline         the earliest upcoming legal deadline among them
 * @param latestRating              the latest BrukerPlan rating, and {@code ratingTrend} against the one before
 * @param openConflicts             unresolved sync conflicts on the person's records
 * @param exceptionalAccessToReview uses of short-lived exceptional access to the person's record not yet reviewed
 */
public record CaseloadRow(UUID personId, String displayName, UUID coordinatorId, String coordinatorName,
                          Instant lastContactAt, Integer daysSinceLastContact, int failedAttemptsInRow,
                          String nextStep, LocalDate nextStepDate, boolean overdueNextStep,
                          int agreementsDueForEvaluation, LocalDate nextEvaluationDate,
                          int openArrearsCases, NextDeadline nextLegalDeadline,
                          RatingSummary latestRating, String ratingTrend,
                          int openConflicts, int exceptionalAccessToReview) {}
