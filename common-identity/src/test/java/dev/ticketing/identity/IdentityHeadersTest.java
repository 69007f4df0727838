package dev.ticketing.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityHeadersTest {

    private static final UUID USER = UUID.fromString("5b0e7c6a-3f1d-4c2b-9a8e-1d2c3b4a5f60");

    @Test
    void aCanonicalUuidIsRead() {
        IdentityHeaders headers = Map.of(IdentityHeaders.USER_ID, " " + USER.toString().toUpperCase() + " ")::get;

        assertThat(headers.required(IdentityHeaders.USER_ID)).isEqualTo(USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anAbsentOrBlankRequiredHeaderIsMissing(String value) {
        IdentityHeaders blank = name -> value;
        IdentityHeaders absent = name -> null;

        assertThatThrownBy(() -> blank.required(IdentityHeaders.TOKEN_ID)).isInstanceOf(MissingIdentity.class)
                .extracting("header").isEqualTo(IdentityHeaders.TOKEN_ID);
        assertThatThrownBy(() -> absent.required(IdentityHeaders.TOKEN_ID)).isInstanceOf(MissingIdentity.class);
        assertThat(blank.optional(IdentityHeaders.TOKEN_ID)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-7", "1-2-3-4-5", "5b0e7c6a3f1d4c2b9a8e1d2c3b4a5f60"})
    void anythingButACanonicalUuidIsMalformed(String value) {
        IdentityHeaders headers = name -> value;

        assertThatThrownBy(() -> headers.required(IdentityHeaders.CONCERT_ID)).isInstanceOf(MalformedIdentity.class)
                .hasMessage("The X-Concert-Id header is not a UUID.");
        assertThatThrownBy(() -> headers.optional(IdentityHeaders.CONCERT_ID)).isInstanceOf(MalformedIdentity.class);
    }
}
