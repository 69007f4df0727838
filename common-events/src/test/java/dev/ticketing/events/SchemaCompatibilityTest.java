package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RELEASED = """
            {"type":"object","required":["eventId","payload"],"additionalProperties":true,"properties":{
              "eventId":{"type":"string","format":"uuid"},
              "payload":{"type":"object","required":["amount","reason"],"properties":{
                "amount":{"type":"integer","minimum":0,"maximum":100},
                "reason":{"enum":["A","B"]},
                "note":{"type":"string"}}}}}
            """;

    private static JsonNode released() {
        return JSON.readTree(RELEASED);
    }

    private static JsonNode changed(String from, String to) {
        assertThat(RELEASED).contains(from);
        return JSON.readTree(RELEASED.replace(from, to));
    }

    @Test
    void theSameSchemaAndANewOptionalFieldBreakNobody() {
        assertThat(SchemaCompatibility.breakingChanges(released(), released())).isEmpty();
        assertThat(SchemaCompatibility.breakingChanges(released(),
                changed("\"note\":{\"type\":\"string\"}", "\"note\":{\"type\":\"string\"},\"extra\":{\"type\":\"string\"}"))).isEmpty();
    }

    @Test
    void aRemovedOrRenamedFieldBreaksReaders() {
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("\"note\":", "\"comment\":")))
                .containsExactly("$.payload.note: removed (or renamed)");
    }

    @Test
    void aRetypedFieldBreaksReaders() {
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("\"format\":\"uuid\"", "\"format\":\"uri\"")))
                .containsExactly("$.eventId: format \"uuid\" became \"uri\"");
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("\"note\":{\"type\":\"string\"}", "\"note\":{\"type\":\"integer\"}")))
                .containsExactly("$.payload.note: type \"string\" became \"integer\"");
    }

    @Test
    void anEnumChangedEitherWayBreaksReaders() {
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("[\"A\",\"B\"]", "[\"A\"]"))).hasSize(1);
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("[\"A\",\"B\"]", "[\"A\",\"B\",\"C\"]"))).hasSize(1);
    }

    @Test
    void requiredChangesBreakReaders() {
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("[\"amount\",\"reason\"]", "[\"amount\",\"reason\",\"note\"]")))
                .containsExactly("$.payload.note: made required");
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("[\"amount\",\"reason\"]", "[\"amount\"]")))
                .containsExactly("$.payload.reason: no longer required");
        assertThat(SchemaCompatibility.breakingChanges(released(), changed(
                "\"required\":[\"amount\",\"reason\"],\"properties\":{",
                "\"required\":[\"amount\",\"reason\",\"extra\"],\"properties\":{\"extra\":{\"type\":\"string\"},")))
                .containsExactly("$.payload.extra: added as required (a new field must be optional)");
    }

    @Test
    void aTighterRangeOrClosedObjectBreaksReadersAndALooserRangeDoesNot() {
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("\"minimum\":0", "\"minimum\":1"))).hasSize(1);
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("\"maximum\":100", "\"maximum\":50"))).hasSize(1);
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("\"maximum\":100", "\"maximum\":500"))).isEmpty();
        assertThat(SchemaCompatibility.breakingChanges(released(), changed("\"additionalProperties\":true", "\"additionalProperties\":false")))
                .containsExactly("$: unknown properties are refused now");
    }
}
