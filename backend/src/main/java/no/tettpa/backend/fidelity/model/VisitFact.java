package no.tettpa.backend.fidelity.model;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One visit as the fidelity figures see it.
 *
 * @param date    the day it started, in Norway
 * @param staff   the staff who took part: the author and every participant of kind staff or partner_staff
 * @param network whether someone from the person's network (family, friends, neighbours) took part
 */
public record VisitFact(UUID personId, LocalDate date, String kind, String place, Set<UUID> staff, boolean network) {
    public VisitFact {
        staff = Set.copyOf(staff);
    }

    /** A contact is a visit that took place: anything but a failed attempt. */
    public boolean contact() {
        return !"failed_attempt".equals(kind);
    }

    /** A contact that was not by phone or video. */
    public boolean faceToFace() {
        return contact() && !Places.REMOTE.contains(place);
    }

    public boolean inCommunity() {
        return faceToFace() && Places.COMMUNITY.contains(place);
    }
}
