package dev.ticketing.gateway.seat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seat a hold ({@code POST /api/v1/reservations}) asks for, read from its body only when the body is exactly
 * {@code {"concertId": "<canonical UUID>", "date": "yyyy-MM-dd", "seatNumber": <int>}}, in any order. Two bodies
 * with the same target are one request to reservation-service; any other body (an extra field, a number as a
 * string, a shortened UUID) has no target here and always goes to the service, which judges it.
 */
record HoldTarget(UUID concertId, LocalDate date, int seatNumber) {

    private static final Set<String> FIELDS = Set.of("concertId", "date", "seatNumber");
    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<HoldTarget> of(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject() || root.size() != FIELDS.size()
                    || !FIELDS.containsAll(root.propertyNames())) {
                return Optional.empty();
            }
            JsonNode concertId = root.get("concertId");
            JsonNode date = root.get("date");
            JsonNode seatNumber = root.get("seatNumber");
            if (!concertId.isString() || !CANONICAL_UUID.matcher(concertId.stringValue()).matches()
                    || !date.isString() || !ISO_DATE.matcher(date.stringValue()).matches() || !seatNumber.isInt()) {
                return Optional.empty();
            }
            return Optional.of(new HoldTarget(UUID.fromString(concertId.stringValue()),
                    LocalDate.parse(date.stringValue()), seatNumber.intValue()));
        } catch (JacksonException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
