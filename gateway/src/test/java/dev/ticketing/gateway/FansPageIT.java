package dev.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The fans' page comes from the gateway itself: no token, no service behind it, cacheable, locked to this origin. */
class FansPageIT extends GatewayInFrontOfStubs {

    @Test
    void theRootIsThePageCacheableAndLockedToThisOrigin() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "max-age=60, public")
                .expectHeader().value("Content-Security-Policy", policy ->
                        assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<script src=\"/app/app.js\" defer></script>")
                        .contains("role=\"status\" aria-live=\"polite\""));
    }

    @Test
    void itsScriptsAndStylesAreServedAndKnowTheirTypes() {
        client.get().uri("/app/app.js").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"))
                .expectHeader().exists("Last-Modified");
        client.get().uri("/app/app.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
        client.head().uri("/app/i18n.js").exchange().expectStatus().isOk();
    }

    @Test
    void aFileThatIsNotThereIsAProblem() {
        client.get().uri("/app/missing.js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
