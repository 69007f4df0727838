package dev.ticketing.web.store;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ticketing.web.Problems;

class StoreUnavailableHandlingTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingStore())
            .setControllerAdvice(new CatchAll(), new StoreUnavailableHandling())
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"connection", "transaction"})
    void anUnreachableDatabaseIsServiceUnavailableWithRetryAfterNotAnInternalError(String failure) throws Exception {
        mvc.perform(get("/api/v1/things/" + failure))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("jdbc"))));
    }

    @RestController
    static class FailingStore {

        @GetMapping("/api/v1/things/{failure}")
        String thing(@PathVariable String failure) {
            throw failure.equals("connection")
                    ? new DataAccessResourceFailureException("jdbc:mysql://db:3306 refused")
                    : new CannotCreateTransactionException("jdbc connection unavailable");
        }
    }

    /** A service's own advice with a catch-all, as every service has: the store handling must come first. */
    @RestControllerAdvice
    static class CatchAll {

        @ExceptionHandler(Exception.class)
        ResponseEntity<ProblemDetail> any(Exception e) {
            return ResponseEntity.internalServerError().body(Problems.unexpected());
        }
    }
}
