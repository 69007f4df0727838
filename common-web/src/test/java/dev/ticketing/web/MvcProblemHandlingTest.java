package dev.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

class MvcProblemHandlingTest {

    static final String SECRET = "jdbc password is hunter2";

    static class SeatTaken extends RuntimeException {
    }

    record HoldRequest(@NotBlank String concertId, @Min(1) @Max(50) int seatNumber) {
    }

    @RestController
    static class HoldController {

        @PostMapping("/holds")
        String hold(@Valid @RequestBody HoldRequest request) {
            return switch (request.seatNumber()) {
                case 13 -> throw new SeatTaken();
                case 44 -> throw new IllegalStateException(SECRET);
                default -> "held";
            };
        }

        @GetMapping("/seats/{seatNumber}")
        String seat(@PathVariable @Min(1) @Max(50) int seatNumber) {
            return "seat " + seatNumber;
        }
    }

    /** Stands for a service's one advice: its own domain exceptions on top of the shared handling. */
    @RestControllerAdvice
    static class HoldAdvice extends MvcProblemHandling {

        @ExceptionHandler(SeatTaken.class)
        ResponseEntity<ProblemDetail> handleSeatTaken(SeatTaken e) {
            return respond(Problems.problem(HttpStatus.CONFLICT, "SEAT_UNAVAILABLE", "The seat is taken."));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new HoldController())
            .setControllerAdvice(new HoldAdvice())
            .build();

    @Test
    void malformedJsonIsAnInvalidRequest() throws Exception {
        mvc.perform(hold("{\"concertId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
    }

    @Test
    void invalidFieldsAreAnInvalidRequestNamingEachField() throws Exception {
        mvc.perform(hold("{\"concertId\": \"\", \"seatNumber\": 51}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
                        "concertId", "seatNumber")));
    }

    @Test
    void anInvalidPathParameterIsAnInvalidRequest() throws Exception {
        mvc.perform(get("/seats/0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("seatNumber"));
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        mvc.perform(get("/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() throws Exception {
        mvc.perform(get("/holds"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/holds").contentType(MediaType.TEXT_PLAIN).content("seat 7"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void theServicesOwnMappingWinsOverTheGenericOne() throws Exception {
        mvc.perform(hold("{\"concertId\": \"c-1\", \"seatNumber\": 13}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SEAT_UNAVAILABLE"));
    }

    @Test
    void anUnexpectedFailureIsAGenericInternalErrorWithoutItsCause() throws Exception {
        mvc.perform(hold("{\"concertId\": \"c-1\", \"seatNumber\": 44}"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred."))
                .andExpect(content().string(not(containsString("hunter2"))));
    }

    @Test
    void aServerSideFailureInsideSpringIsJustAsGeneric() throws Exception {
        ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/holds"));

        ResponseEntity<Object> response = new HoldAdvice().handleException(
                new HttpMessageNotWritableException(SECRET), request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(problem.toString()).doesNotContain("hunter2");
    }

    private static MockHttpServletRequestBuilder hold(String body) {
        return post("/holds").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
