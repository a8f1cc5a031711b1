package no.tettpa.backend.fidelity.model;

import java.util.Set;

/**
 * Where a contact took place, as the fidelity scales count it. <b>In the community</b> (DACTS S1, "in vivo"): the
 * person's home, the neighbourhood, a café, a car, outdoors, a viewing of a home. <b>In an office</b>: NAV's office.
 * <b>Remote</b>: phone and video; a remote contact is not face to face.
 */
public final class Places {
    public static final Set<String> COMMUNITY = Set.of("home", "neighbourhood", "cafe", "car", "outdoors", "viewing");
    public static final Set<String> OFFICE = Set.of("nav_office");
    public static final Set<String> REMOTE = Set.of("phone", "video");

    private Places() {}
}
