package dev.ticketing.gateway.intake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits right behind Netty's HTTP decoder, one per connection, and answers a request that {@link RequestHeadCheck}
 * refuses with a problem+json of its own, before Reactor Netty or Spring sees it. The answer closes the connection:
 * after such a request nothing more on it can be trusted to be framed right.
 *
 * <p>The close is a lingering one. The client may still be sending what we refused (a body too large, the rest of a
 * huge header), and a socket closed with unread bytes sends a reset, which can destroy the answer before the client
 * reads it. So the answer is followed by a half-close (the client reads it to its end), and whatever still arrives is
 * read and dropped until the client closes or {@link #LINGER} has passed.
 */
final class RefusingHandler extends ChannelInboundHandlerAdapter {

    static final Duration LINGER = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(RefusingHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestHeadCheck check;
    private boolean refused;

    RefusingHandler(RequestHeadCheck check) {
        this.check = check;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Optional<RequestHeadCheck.Refusal> refusal = check.refusalOf(request);
            if (refusal.isPresent()) {
                refused = true;
                log.debug("request_refused status={} detail=\"{}\"", refusal.get().status().value(),
                        refusal.get().detail());
                ReferenceCountUtil.release(msg);
                answer(ctx, refusal.get());
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (refused) {
            ctx.read(); // keep draining: the connection may not read by itself
            return;
        }
        ctx.fireChannelReadComplete();
    }

    private static void answer(ChannelHandlerContext ctx, RequestHeadCheck.Refusal refusal) {
        byte[] body = JSON.writeValueAsBytes(problem(refusal));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status().value()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess() || !(written.channel() instanceof DuplexChannel duplex)) {
                written.channel().close();
                return;
            }
            duplex.shutdownOutput();
            ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            ctx.read();
        });
    }

    /** The same shape as every other problem the gateway answers (ProblemJsonErrorHandler). */
    private static Map<String, Object> problem(RequestHeadCheck.Refusal refusal) {
        HttpStatus status = refusal.status();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", refusal.detail());
        problem.put("code", status == HttpStatus.BAD_REQUEST ? "INVALID_REQUEST" : status.name());
        return problem;
    }
}
