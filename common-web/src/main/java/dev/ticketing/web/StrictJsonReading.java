package dev.ticketing.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How strictly every service reads JSON (DESIGN.md section 4: malformed JSON and wrong types are 400): a key given
 * twice is refused instead of the last one silently winning, a string is never coerced into a number or boolean
 * ({@code "8"} is not seat 8) nor a number or boolean into a string (a title of {@code 12}), a fraction never rounded into an integer, and ids and dates are read only in the
 * contract's form ({@link StrictScalars}). One place, so no service drifts.
 */
@AutoConfiguration
@ConditionalOnClass({JsonMapperBuilderCustomizer.class, JsonMapper.class})
public class StrictJsonReading {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReadingCustomizer() {
        return StrictJsonReading::apply;
    }

    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, texts -> texts
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(StrictScalars.module());
    }
}
