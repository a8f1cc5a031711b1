package no.tettpa.backend.sync;

import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.sync.ProtocolVersion;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.schema.Validation;
import no.tettpa.sync.wire.Mutation;
import no.tettpa.sync.wire.MutationOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes made over the REST API go through the same judgement as synced mutations (validation, scope, merge,
 * the records' rules), as a web client with no device. A refusal is a problem document naming the field.
 */
@Singleton
public class ApiWriter {
    private static final Set<String> NOT_FOUND = Set.of("not_found", "out_of_scope", "consent_withdrawn",
            "consent_expired", "access_ended");
    private static final Set<String> CONFLICTING = Set.of("locked", "id_conflict", "bad_base_version", "already_resolved");

    private final PushProcessor push;
    private final ServerClock clock;
    private final DomainRules rules;

    public ApiWriter(PushProcessor push, ServerClock clock, DomainRules rules) {
        this.push = push;
        this.clock = clock;
        this.rules = rules;
    }

    /** Judges one change inside the caller's transaction; throws a problem when it is refused. */
    public MutationOutcome write(Connection c, Caller caller, String entity, String op, UUID recordId, UUID personId,
                                 Long baseVersion, Map<String, Object> fields) throws SQLException {
        Hlc hlc = clock.now();
        Mutation m = new Mutation(0, entity, op, recordId, personId, baseVersion, hlc.toString(), fields);
        MutationOutcome o = push.judge(c, caller, null, List.of(m), Map.of(0L, hlc), ProtocolVersion.SCHEMA_CURRENT,
                Validation.Context.today(rules.formats())).outcomes().get(0);
        if (o.rejection() != null) {
            throw refusal(o.rejection());
        }
        return o;
    }

    static ProblemException refusal(MutationOutcome.Rejection r) {
        if (NOT_FOUND.contains(r.code())) {
            return ProblemException.notFound("person or record");
        }
        ProblemType type = CONFLICTING.contains(r.code()) ? ProblemType.CONFLICT : ProblemType.VALIDATION;
        List<Problem.FieldError> errors = r.field() == null ? List.of() : List.of(new Problem.FieldError(r.field(), r.message()));
        return new ProblemException(type, r.code() + ": " + r.message(), errors);
    }
}
