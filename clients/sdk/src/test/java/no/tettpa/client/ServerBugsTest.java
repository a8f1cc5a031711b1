package no.tettpa.client;

import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestDevice;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Server behaviour that contradicts PROTOCOL.md, shown with raw requests (no SDK logic in between). These fail
 * until the server is fixed; they are tagged {@code server-bug} and left out of the default build
 * ({@code mvn test -Dgroups=server-bug} runs them). The SDK works around each one; see its notes.
 */
@Tag("server-bug")
class ServerBugsTest extends ServerTest {

    private TestDevice rawDevice() {
        return new TestDevice(new Http(server.uri), tenant.token(kari));
    }

    /**
     * Two updates of one record in one request, both made against the version the device held (v1). The second is
     * judged after the first wrote v2 in the same batch; its base (v1) was current when the batch started, so the
     * server's base lookup ({@code PushProcessor.olderBases}) skips it, and the in-batch current (v2) is not it
     * either: the merge runs with an unknown base. Only this device ever touched the record, yet the long-text field
     * of the second update becomes an open conflict and is not applied.
     */
    @Test
    void aSecondUpdateOfARecordInOneRequestIsMergedAgainstAnUnknownBase() {
        TestDevice d = rawDevice();
        JsonNode outcomes = d.push(
                d.update("person", eirik.id(), eirik.id(), 1, Map.of("phone", "+47 111 11 111")),
                d.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "Ring før besøk")));
        List<String> statuses = List.of(outcomes.get(0).get("status").getStringValue(),
                outcomes.get(1).get("status").getStringValue());
        assertEquals(List.of("applied", "applied"), statuses,
                "nobody else changed the record, so both are applied as sent: " + Http.toJson(outcomes));
    }

    /** The same with a record created in the request: create, update, update. */
    @Test
    void aRecordCreatedAndUpdatedTwiceInOneRequestIsReportedMerged() {
        TestDevice d = rawDevice();
        UUID agreement = UUID.randomUUID();
        JsonNode outcomes = d.push(
                d.create("agreement", agreement, eirik.id(), Fields.agreementDraft()),
                d.update("agreement", agreement, eirik.id(), 1, Map.of("evaluationDate", "2027-01-01")),
                d.update("agreement", agreement, eirik.id(), 1, Map.of("measures", "Ukentlige besøk")));
        assertEquals("applied", outcomes.get(2).get("status").getStringValue(), Http.toJson(outcomes));
    }
}
