package dev.ticketing.queue.waiting.adapter.web;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.identity.IdentityHeaders;
import dev.ticketing.queue.waiting.application.IssuedToken;
import dev.ticketing.queue.waiting.application.JoiningQueue;
import dev.ticketing.queue.waiting.application.PollingPosition;
import reactor.core.publisher.Mono;

/** The waiting queue's public API (DESIGN.md section 4). Answers carry tokens: never cached. */
@RestController
@RequestMapping("/api/v1/queue/tokens")
class QueueController {

    private static final URI MINE = URI.create("/api/v1/queue/tokens/me");

    private final JoiningQueue joining;
    private final PollingPosition polling;

    QueueController(JoiningQueue joining, PollingPosition polling) {
        this.joining = joining;
        this.polling = polling;
    }

    /** Joins a concert's line; joining again while the token lives answers the same token and place. */
    @PostMapping
    Mono<ResponseEntity<QueueTokenResponse>> join(@Valid @RequestBody JoinRequest request) {
        return joining.join(new JoiningQueue.JoinQueue(request.userId(), request.concertId()))
                .map(issued -> naming(issued, ResponseEntity.status(HttpStatus.CREATED).location(MINE)
                        .cacheControl(CacheControl.noStore()))
                        .body(QueueTokenResponse.of(issued)));
    }

    /** Where the caller's token stands; polling keeps a WAITING place, and hands out the ACTIVE token once admitted. */
    @GetMapping("/me")
    Mono<ResponseEntity<QueueTokenResponse>> mine(@RequestHeader(name = IdentityHeaders.TOKEN_ID, required = false) String tokenId,
                                                  @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
                                                  @RequestHeader(name = IdentityHeaders.CONCERT_ID, required = false) String concertId) {
        return Mono.fromSupplier(() -> CallerHeaders.caller(tokenId, userId, concertId))
                .flatMap(polling::poll)
                .map(issued -> naming(issued, ResponseEntity.ok().cacheControl(CacheControl.noStore()))
                        .body(QueueTokenResponse.of(issued)));
    }

    /**
     * A token signed for this answer is named in {@link IdentityHeaders#ISSUED_TOKEN} too: the gateway passing the
     * answer on then knows it as this service's own, and spares the fan's first request with it an ES256 check
     * (about a seventh of the gateway's CPU in an on-sale, where every fan's token is new twice). A token an
     * earlier answer carried already is not named again.
     */
    private static ResponseEntity.BodyBuilder naming(IssuedToken issued, ResponseEntity.BodyBuilder answer) {
        return issued.newlySigned() ? answer.header(IdentityHeaders.ISSUED_TOKEN, issued.jws()) : answer;
    }
}
