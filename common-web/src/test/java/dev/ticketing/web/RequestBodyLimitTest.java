package dev.ticketing.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class RequestBodyLimitTest {

    record Charge(long amount) {
    }

    @RestController
    static class ChargeController {

        @PostMapping("/charges")
        String charge(@RequestBody Charge charge) {
            return "charged " + charge.amount();
        }
    }

    @RestControllerAdvice
    static class Advice extends MvcProblemHandling {
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ChargeController())
            .setControllerAdvice(new Advice())
            .addFilters(new RequestBodyLimit(100))
            .build();

    @Test
    void aValidBodyPaddedBeyondTheLimitIsRefusedWith413() throws Exception {
        mvc.perform(post("/charges").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":100,\"pad\":\"" + "x".repeat(200) + "\"}"))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.code").isNotEmpty());
    }

    @Test
    void aBodyWithinTheLimitIsRead() throws Exception {
        mvc.perform(post("/charges").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":100}"))
                .andExpect(status().isOk())
                .andExpect(content().string("charged 100"));
    }
}
