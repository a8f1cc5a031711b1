package no.tettpa.sync.schema.records;

import java.util.List;

/** The fixed word lists of the field records, as they travel on the wire (English identifiers). */
public final class Vocabulary {
    private Vocabulary() {}

    /** The eight BrukerPlan life areas (levekårsområder). */
    public static final List<String> LIFE_AREAS = List.of(
            "housing",             // boligsituasjon
            "activity",            // meningsfull aktivitet / arbeid
            "economy",             // økonomi
            "physical_health",     // fysisk helse
            "mental_health",       // psykisk helse
            "substance_use",       // rusmiddelbruk
            "social_functioning",  // sosial fungering
            "social_network");     // sosialt nettverk

    /** helsehjelp (journal under health-personnel law) or boveiledning (case record under administrative law) */
    public static final List<String> REGIMES = List.of("health_care", "housing_support");

    /** who is data controller: the municipality, or the hospital trust (helseforetak) of an ACT/FACT team */
    public static final List<String> CONTROLLERS = List.of("municipality", "hospital_trust");

    public static final List<String> PLACES = List.of(
            "home", "neighbourhood", "cafe", "car", "outdoors", "nav_office", "viewing", "phone", "video");

    public static final List<String> VISIT_KINDS = List.of("planned", "unplanned", "accompanying", "failed_attempt");

    public static final List<String> PARTICIPANT_KINDS = List.of("staff", "partner_staff", "network");

    public static final List<String> RATING_LEVELS = List.of("green", "yellow", "red");

    /** the levekårsindeks: blålys (blue_light) is the worst */
    public static final List<String> INDEX_LEVELS = List.of("green", "yellow", "red", "blue_light");

    public static final List<String> EPISODE_BASES = List.of("agreement", "housing_support_decision", "housing_first");

    public static final List<String> SIGNATURE_METHODS = List.of("on_screen", "on_paper", "verbal_with_witness");

    public static final List<String> PARTY_KINDS = List.of("person", "service", "landlord", "mental_health", "nav", "other");

    public static final List<String> ARREARS_SOURCES = List.of("arrears_list", "nav", "person", "enforcement_officer");

    public static final List<String> LANDLORD_TYPES = List.of("municipal", "private", "housing_company");

    public static final List<String> ARREARS_OUTCOMES = List.of(
            "paid", "agreement_kept", "direct_payment", "moved_by_choice", "evicted", "closed_other");

    /** the dated legal steps of an eviction case */
    public static final List<String> LEGAL_STEPS = List.of(
            "notice_sent",            // varsel om tvangsfravikelse, tvangsfullbyrdelsesloven § 4-18
            "nav_copy_sent",          // copy of the notice to NAV, husleieloven § 9-11
            "tenant_reservation",     // the tenant's written reservation against NAV being told
            "petition_filed",         // begjæring om fravikelse to namsmannen, § 13-2
            "petition_presented",     // namsmannen presents the begjæring to the tenant, § 13-6
            "eviction_scheduled",     // the fravikelse date is set
            "eviction_carried_out",   // fravikelse
            "belongings_collected");  // § 13-11

    public static final List<String> NAV_ACTIONS = List.of(
            "housing_allowance",      // bostøtte
            "financial_assistance",   // økonomisk stønad, sosialtjenesteloven § 18
            "direct_rent_payment",    // direkte husleiebetaling
            "voluntary_deduction",    // frivillig trekk
            "debt_advice");           // gjeldsrådgivning

    public static final List<String> NAV_ACTION_STATUSES = List.of("applied", "granted", "refused", "started", "stopped");

    public static final List<String> COUNTERPARTS = List.of("tenant", "landlord", "nav", "enforcement_officer");

    public static final List<String> CHANNELS = List.of("phone", "meeting", "home_visit", "letter", "sms", "email", "video");

    public static final List<String> ARREARS_EVENT_TYPES = List.of("legal_step", "nav_action", "contact");

    public static final List<String> CHILDREN_CARE = List.of("none", "lives_with", "lives_elsewhere");

    /**
     * The colour of a person on the FACT board (FACT-tavla). The FACT model does not fix colours; this is Tettpå's
     * convention, the one most Norwegian FACT boards use in some form:
     * {@code red}: acute crisis or serious risk, daily contact, discussed at every morning meeting;
     * {@code yellow}: unstable, at risk of a crisis, contact several times a week;
     * {@code green}: stabilising, to be taken off the board at the next review.
     */
    public static final List<String> BOARD_COLOURS = List.of("red", "yellow", "green");

    /** proposed for the board (not yet agreed at a meeting), on the board, taken off the board */
    public static final List<String> BOARD_STATUSES = List.of("proposed", "on_board", "off_board");

    /**
     * A household's housing situation, in the categories of Husbanken's reporting template and the national
     * homelessness count: {@code homeless} (no owned or rented home: sleeping rough, with friends, in a shelter,
     * leaving an institution or prison within two months without a home), {@code temporary_accommodation}
     * (midlertidig botilbud: no lease, sosialtjenesteloven § 27), {@code at_risk} (may lose the home: eviction
     * petitioned, no valid lease, housing costs too high), {@code unsuitable} (poor condition, too small, not
     * adapted), {@code permanent_satisfactory} (permanent and satisfactory), {@code other}.
     */
    public static final List<String> HOUSING_SITUATIONS = List.of(
            "homeless", "temporary_accommodation", "at_risk", "unsuitable", "permanent_satisfactory", "other");
}
