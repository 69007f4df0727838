package dev.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

import tools.jackson.databind.json.JsonMapper;

class InvalidRequestsTest {

    record Line(int seatNumber) {
    }

    record Order(String concertId, List<Line> lines) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void bodyThatIsNotJsonIsSaidToBeSo() {
        ProblemDetail problem = InvalidRequests.unreadableBody(failureReading("{\"concertId\": "));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "INVALID_REQUEST");
        assertThat(problem.getDetail()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void aValueOfTheWrongTypeIsPointedAtByItsPath() {
        Throwable failure = failureReading("{\"lines\": [{\"seatNumber\": 1}, {\"seatNumber\": \"front row\"}]}");

        assertThat(InvalidRequests.unreadableBody(new IllegalStateException("wrapped", failure)).getDetail())
                .isEqualTo("The value at 'lines[1].seatNumber' is missing or has the wrong type or format.");
    }

    @Test
    void theDetailNeverNamesParserInternalsOrClasses() {
        String detail = InvalidRequests.unreadableBody(failureReading("[1, 2]")).getDetail();

        assertThat(detail).isEqualTo("The request body does not have the expected structure.");
        assertThat(detail).doesNotContain("Order", "InvalidRequestsTest", "jackson");
    }

    @Test
    void aMissingBodyIsSaidToBeMissing() {
        assertThat(InvalidRequests.unreadableBody(null).getDetail())
                .isEqualTo("The request body is missing or unreadable.");
    }

    @Test
    void invalidFieldsAreListedWithTheirMessages() {
        BindingResult result = new BeanPropertyBindingResult(new Order("c-1", List.of()), "order");
        result.rejectValue("concertId", "NotBlank", "must not be blank");
        result.rejectValue("lines", "Size");

        ProblemDetail problem = InvalidRequests.invalidFields(result);

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "INVALID_REQUEST");
        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(
                Map.of("field", "concertId", "message", "must not be blank"),
                Map.of("field", "lines", "message", "is invalid")));
    }

    private Throwable failureReading(String body) {
        Throwable failure = catchThrowable(() -> json.readValue(body, Order.class));
        assertThat(failure).as("reading %s should fail", body).isNotNull();
        return failure;
    }
}
