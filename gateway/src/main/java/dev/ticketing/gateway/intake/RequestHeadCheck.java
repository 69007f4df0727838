package dev.ticketing.gateway.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.springframework.http.HttpStatus;

/**
 * Judges a request by its head alone, before anything of it is routed: what Netty could not decode (a request line
 * or headers over the limits, broken syntax), a target Spring cannot parse into a URI (a raw backslash, a malformed
 * percent escape), an encoded control character in the path, a body declared larger than any this API accepts.
 * Without this, Netty and Spring answer the first two with an empty 400/414/431 and no problem document, and the
 * last two reach a service, whose server refuses them with an HTML page or a reset connection.
 */
final class RequestHeadCheck {

    /** A refusal and why, as the client will read it. */
    record Refusal(HttpStatus status, String detail) {
    }

    private final long maxBodyBytes;

    RequestHeadCheck(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    Optional<Refusal> refusalOf(HttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            return Optional.of(undecodable(decoded.cause()));
        }
        return malformedTarget(request.uri()).or(() -> oversizedBody(request));
    }

    private static Refusal undecodable(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new Refusal(HttpStatus.URI_TOO_LONG, "The request line is longer than this API accepts.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than this API accepts.");
        }
        return new Refusal(HttpStatus.BAD_REQUEST, "The request is not well-formed HTTP.");
    }

    /** What Spring would fail to parse (it answers an empty 400), and encoded control characters in the path. */
    private static Optional<Refusal> malformedTarget(String target) {
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST,
                    "The request target is not a valid URI: use only URI characters and percent-encode the rest."));
        }
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            // The URI grammar has checked that two hex digits follow.
            int value = Integer.parseInt(path, i + 1, i + 3, 16);
            if (value < 0x20 || value == 0x7f) {
                return Optional.of(new Refusal(HttpStatus.BAD_REQUEST,
                        "The path contains an encoded control character (%" + path.substring(i + 1, i + 3) + ")."));
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> oversizedBody(HttpRequest request) {
        String declared = request.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared == null) {
            return Optional.empty(); // a chunked body is capped by the service as it reads it
        }
        try {
            if (Long.parseLong(declared.trim()) <= maxBodyBytes) {
                return Optional.empty();
            }
        } catch (NumberFormatException notANumber) {
            return Optional.empty(); // Netty's decoder has judged the header already
        }
        return Optional.of(new Refusal(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + maxBodyBytes + " bytes."));
    }
}
