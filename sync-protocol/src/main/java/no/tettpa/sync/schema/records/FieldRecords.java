package no.tettpa.sync.schema.records;

import no.tettpa.sync.schema.Category;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.StatusWorkflow;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static no.tettpa.sync.schema.FieldSpec.bool;
import static no.tettpa.sync.schema.FieldSpec.date;
import static no.tettpa.sync.schema.FieldSpec.dateTime;
import static no.tettpa.sync.schema.FieldSpec.decimal;
import static no.tettpa.sync.schema.FieldSpec.enumOf;
import static no.tettpa.sync.schema.FieldSpec.enumSet;
import static no.tettpa.sync.schema.FieldSpec.integer;
import static no.tettpa.sync.schema.FieldSpec.longText;
import static no.tettpa.sync.schema.FieldSpec.object;
import static no.tettpa.sync.schema.FieldSpec.objectList;
import static no.tettpa.sync.schema.FieldSpec.text;
import static no.tettpa.sync.schema.FieldSpec.uuid;
import static no.tettpa.sync.schema.FieldSpec.uuidSet;
import static no.tettpa.sync.schema.records.Vocabulary.*;

/**
 * The record types of schema version 2, with each field's merge policy and bounds. The engine and the clients
 * read these; nothing else decides how a field merges.
 */
public final class FieldRecords {
    private FieldRecords() {}

    /** Dates of recorded events may lie at most this far ahead (a visit planned for tomorrow, a signature today). */
    static final int NEAR_FUTURE_DAYS = 1;
    /** Planned dates (evaluations, next steps, deadlines) may lie up to this far ahead. */
    static final int PLANNING_DAYS = 3 * 366;

    static final BigDecimal MAX_NOK = new BigDecimal("100000000");

    /** Every record says under which regime it was written and which data controller owns it. */
    static FieldSpec regime() {
        return enumOf("regime", REGIMES).immutable();
    }

    static FieldSpec controller() {
        return enumOf("controller", CONTROLLERS).derived();
    }

    static FieldSpec author() {
        return uuid("authorId").derived();
    }

    public static final EntitySpec PERSON = EntitySpec.editable("person", Category.CORE,
            text("displayName", 200).asRequired(),
            text("nationalId", 11).format("national-id").review(),
            text("phone", 40),
            text("email", 200).format("email"),
            text("address", 300),
            longText("contactNotes", 4000),
            uuid("teamId").derived(),
            uuid("coordinatorId").derived(),
            controller())
            // persons are registered and handed over by the team (REST); devices edit their details
            .serverOnly();

    public static final StatusWorkflow EPISODE_FLOW = StatusWorkflow.of("status", java.util.List.of("active"),
            Map.of("active", Set.of("ended")));

    /** A follow-up episode: one basis, start, end and end reason. */
    public static final EntitySpec EPISODE = EntitySpec.editable("episode", Category.CORE,
            enumOf("basis", EPISODE_BASES).asRequired().immutable(),
            uuid("agreementId"),
            text("decisionReference", 100),
            date("startDate").asRequired().notMoreThanDaysAhead(PLANNING_DAYS),
            date("endDate").notMoreThanDaysAhead(PLANNING_DAYS),
            text("endReason", 500),
            enumOf("status", java.util.List.of("active", "ended")).asRequired().status(),
            controller())
            .withWorkflow(EPISODE_FLOW);

    public static final EntitySpec VISIT = EntitySpec.appendOnly("visit", Category.VISITS,
            dateTime("startedAt").asRequired().notMoreThanDaysAhead(NEAR_FUTURE_DAYS),
            integer("durationMinutes", 0, 24 * 60).asRequired(),
            enumOf("place", PLACES).asRequired(),
            enumOf("kind", VISIT_KINDS).asRequired(),
            objectList("participants", 50,
                    enumOf("kind", PARTICIPANT_KINDS).asRequired(),
                    uuid("staffId"),
                    text("name", 200),
                    text("relation", 100)),
            enumSet("lifeAreas", LIFE_AREAS),
            longText("whatWasDone", 4000),
            longText("whatWasAgreed", 4000),
            text("nextStep", 500),
            date("nextStepDate").notMoreThanDaysAhead(PLANNING_DAYS),
            longText("note", 10000),
            uuid("corrects"),
            regime().asRequired(),
            controller(),
            author())
            // A note written as health care is journal: it is shared only under the health-notes category.
            .categorisedBy(body -> "health_care".equals(body.get("regime")) ? Category.HEALTH_NOTES : Category.VISITS);

    public static final StatusWorkflow AGREEMENT_FLOW = StatusWorkflow.of("status", java.util.List.of("draft"), Map.of(
            "draft", Set.of("active", "ended"),
            "active", Set.of("under_evaluation", "ended", "renewed"),
            "under_evaluation", Set.of("renewed", "ended")));

    /**
     * A samarbeidsavtale. A draft is edited freely; once signed (active) its content never changes: only its
     * lifecycle moves on, and a renewal is a new agreement that names this one as {@code previousId}.
     */
    public static final EntitySpec AGREEMENT = EntitySpec.editable("agreement", Category.AGREEMENTS,
            enumOf("status", java.util.List.of("draft", "active", "under_evaluation", "renewed", "ended"))
                    .asRequired().status(),
            integer("versionNumber", 1, 1000).asRequired().immutable(),
            uuid("previousId").immutable(),
            objectList("parties", 20,
                    enumOf("kind", PARTY_KINDS).asRequired(),
                    text("name", 200).asRequired()),
            objectList("goals", 30,
                    text("text", 500).asRequired(),
                    date("setOn")),
            longText("responsibilities", 4000),
            longText("measures", 4000),
            date("evaluationDate").notMoreThanDaysAhead(PLANNING_DAYS),
            date("validFrom").notMoreThanDaysAhead(PLANNING_DAYS),
            date("validUntil").notMoreThanDaysAhead(PLANNING_DAYS),
            uuidSet("consentIds", 20),
            objectList("signatures", 10,
                    text("signerName", 200).asRequired(),
                    enumOf("role", PARTY_KINDS).asRequired(),
                    enumOf("method", SIGNATURE_METHODS).asRequired(),
                    text("witnessName", 200),
                    dateTime("signedAt").asRequired().notMoreThanDaysAhead(NEAR_FUTURE_DAYS)),
            text("endReason", 500),
            regime(),
            controller())
            .withWorkflow(AGREEMENT_FLOW)
            .lockedWhen(body -> !"draft".equals(body.get("status")), Set.of("status", "endReason"));

    /** A dated progress entry on one of an agreement's goals. */
    public static final EntitySpec AGREEMENT_PROGRESS = EntitySpec.appendOnly("agreement_progress", Category.AGREEMENTS,
            uuid("agreementId").asRequired(),
            uuid("goalId").asRequired(),
            date("date").asRequired().notMoreThanDaysAhead(NEAR_FUTURE_DAYS),
            enumOf("progress", java.util.List.of("none", "some", "clear", "achieved")).asRequired(),
            longText("note", 4000),
            uuid("corrects"),
            controller(),
            author());

    public static final StatusWorkflow ARREARS_FLOW = StatusWorkflow.of("status", java.util.List.of("open"),
            Map.of("open", Set.of("closed")));

    /**
     * A husleierestanse case: the facts, the repayment plan, and the outcome when it closes. Its legal deadlines
     * are computed from its events (legal steps), on the server and in the app alike.
     */
    public static final EntitySpec ARREARS_CASE = EntitySpec.editable("arrears_case", Category.ARREARS,
            enumOf("source", ARREARS_SOURCES).asRequired().immutable(),
            text("landlordName", 200).asRequired(),
            enumOf("landlordType", LANDLORD_TYPES).asRequired(),
            decimal("monthlyRent", BigDecimal.ZERO, MAX_NOK).asRequired(),
            decimal("amountOwed", BigDecimal.ZERO, MAX_NOK).asRequired().serverWins(),
            integer("monthsInArrears", 0, 120).asRequired(),
            bool("directFilingClause"),
            objectList("instalments", 120,
                    date("dueDate").asRequired().notMoreThanDaysAhead(PLANNING_DAYS),
                    decimal("amount", BigDecimal.ZERO, MAX_NOK).asRequired(),
                    bool("paid")),
            longText("notes", 4000),
            enumOf("status", java.util.List.of("open", "closed")).asRequired().status(),
            enumOf("outcome", ARREARS_OUTCOMES),
            regime(),
            controller())
            .withWorkflow(ARREARS_FLOW);

    /** One event of an arrears case: a dated legal step, a NAV action, or a contact. */
    public static final EntitySpec ARREARS_EVENT = EntitySpec.appendOnly("arrears_event", Category.ARREARS,
            uuid("caseId").asRequired(),
            enumOf("type", ARREARS_EVENT_TYPES).asRequired(),
            date("date").asRequired().notMoreThanDaysAhead(PLANNING_DAYS),
            enumOf("step", LEGAL_STEPS),
            enumOf("navAction", NAV_ACTIONS),
            enumOf("navActionStatus", NAV_ACTION_STATUSES),
            enumOf("counterpart", COUNTERPARTS),
            enumOf("channel", CHANNELS),
            text("outcome", 500),
            longText("note", 4000),
            uuid("corrects"),
            controller(),
            author());

    public static final StatusWorkflow TASK_FLOW = StatusWorkflow.of("status", java.util.List.of("open"),
            Map.of("open", Set.of("done", "cancelled")));

    /**
     * Something a worker should do, e.g. contact a tenant whose name came on an imported arrears list. Its topic
     * decides its category, so only those who may see arrears see an arrears task.
     */
    public static final EntitySpec TASK = EntitySpec.editable("task", Category.CORE,
            enumOf("topic", java.util.List.of("arrears", "agreement", "follow_up")).asRequired().immutable(),
            text("title", 200).asRequired(),
            longText("note", 2000),
            uuid("assigneeId"),
            date("dueDate").notMoreThanDaysAhead(PLANNING_DAYS),
            uuid("relatedRecordId"),
            enumOf("status", java.util.List.of("open", "done", "cancelled")).asRequired().status(),
            controller())
            .withWorkflow(TASK_FLOW)
            .categorisedBy(body -> switch (String.valueOf(body.get("topic"))) {
                case "arrears" -> Category.ARREARS;
                case "agreement" -> Category.AGREEMENTS;
                default -> Category.CORE;
            });

    static FieldSpec area(String name) {
        return object(name,
                enumOf("level", RATING_LEVELS).asRequired(),
                text("basis", 1000));
    }

    /** A BrukerPlan rating: the eight life areas, the index, children, individual plan. A time series per person. */
    public static final EntitySpec RATING = EntitySpec.appendOnly("rating", Category.RATINGS,
            date("ratedOn").asRequired().notMoreThanDaysAhead(NEAR_FUTURE_DAYS),
            object("areas",
                    area("housing").asRequired(), area("activity").asRequired(), area("economy").asRequired(),
                    area("physical_health").asRequired(), area("mental_health").asRequired(),
                    area("substance_use").asRequired(), area("social_functioning").asRequired(),
                    area("social_network").asRequired()).asRequired(),
            enumOf("index", INDEX_LEVELS).asRequired(),
            enumOf("childrenCare", CHILDREN_CARE),
            bool("childrenContact"),
            bool("hasIndividualPlan"),
            longText("servicesReceived", 2000),
            uuid("corrects"),
            controller(),
            author());

    /**
     * A value a merge did not keep, next to the value it kept, in the category of the record it is about. Made by
     * the server. An open one is resolved by writing {@code resolution}: keep the current value ({@code kept}),
     * take the other ({@code other}), or give a merged {@code value}; the server then applies the choice to the
     * record as a new version and marks the conflict resolved. Every other field is the server's.
     */
    public static final EntitySpec CONFLICT = EntitySpec.editable("conflict", Category.CORE,
            uuid("recordId").derived(), text("entity", 40).derived(), text("category", 40).derived(),
            text("field", 200).derived(), text("kind", 40).derived(),
            enumOf("status", java.util.List.of("open", "auto_resolved", "resolved")).derived(),
            FieldSpec.json("baseValue").derived(),
            FieldSpec.json("keptValue").derived(), text("keptBy", 40).derived(), text("keptDevice", 64).derived(),
            text("keptHlc", 100).derived(),
            FieldSpec.json("otherValue").derived(), text("otherBy", 40).derived(), text("otherDevice", 64).derived(),
            text("otherHlc", 100).derived(),
            object("resolution",
                    enumOf("choice", java.util.List.of("kept", "other", "value")).asRequired(),
                    FieldSpec.json("value"),
                    longText("comment", 2000)),
            text("resolvedBy", 40).derived(),
            text("resolvedAt", 40).derived())
            .categorisedBy(body -> Category.fromWire(String.valueOf(body.get("category"))).orElse(Category.CORE))
            .serverOnly();
}
