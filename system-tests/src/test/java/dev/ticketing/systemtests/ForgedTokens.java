package dev.ticketing.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens made from a real one, the way an attacker would: the same claims (so only the forgery itself is wrong)
 * with no signature ({@code alg=none}), an HMAC keyed with public data, or a claim changed under the real signature.
 */
final class ForgedTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    /** Placeholders for {@link BadRequest}: {@code {tokenAlgNone}}, {@code {tokenHs256}}, {@code {tokenTampered}}. */
    static Map<String, String> from(String realToken) {
        String[] parts = realToken.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(B64D.decode(parts[0]));
        ObjectNode claims = (ObjectNode) JSON.readTree(B64D.decode(parts[1]));
        return Map.of(
                "tokenAlgNone", encode(header.deepCopy().put("alg", "none")) + "." + parts[1] + ".",
                "tokenHs256", hs256(encode(header.deepCopy().put("alg", "HS256")) + "." + parts[1]),
                "tokenTampered", parts[0] + "." + encode(claims.deepCopy().put("sub", java.util.UUID.randomUUID().toString()))
                        + "." + parts[2]);
    }

    private static String encode(ObjectNode node) {
        return B64.encodeToString(JSON.writeValueAsBytes(node));
    }

    /** Keyed with the signing-input itself: anything a verifier that accepted HMAC could be fooled by. */
    private static String hs256(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingInput.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
