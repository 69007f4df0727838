package dev.ticketing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Ids and dates only in the one form the contract gives them: a UUID as its 36 characters (Jackson trims, so a
 * NUL- or blank-padded id passed as the id), a date as a {@code YYYY-MM-DD} string (Jackson also takes
 * {@code [2026, 12, 30]}).
 */
final class StrictScalars {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StrictScalars() {
    }

    static SimpleModule module() {
        return new SimpleModule("strict-scalars")
                .addDeserializer(UUID.class, new Uuids())
                .addDeserializer(LocalDate.class, new Dates());
    }

    private static final class Uuids extends StdScalarDeserializer<UUID> {

        Uuids() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
            }
            String text = p.getString();
            return UUID_TEXT.matcher(text).matches() ? UUID.fromString(text)
                    : (UUID) ctxt.handleWeirdStringValue(UUID.class, text, "not a UUID");
        }
    }

    private static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date (YYYY-MM-DD)");
            }
        }
    }
}
