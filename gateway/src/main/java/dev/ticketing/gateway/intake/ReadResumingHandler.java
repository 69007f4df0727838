package dev.ticketing.gateway.intake;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks for the next read on a keep-alive connection once each answer is written. Reactor Netty reads a connection
 * only on demand, and 1.3.6 (the newest release here) misses one case (reactor/reactor-netty#4361, fixed after
 * 1.3.8): a request that arrives while the one before it is still being answered is queued with its end-of-request
 * marker, and when the gateway answers it at once (a refused token, a shared-cache hit) the queue drains without
 * anyone asking for another read. The client's next request then lies unread in the socket until the client gives
 * up. Seen in the one-seat stampede: 6 to 32 of 1,000 holds with no answer for 60 s, each sent right after a seat
 * listing the shared cache had answered; reproduced by {@code KeepAliveIT}.
 *
 * <p>A read asked for when one is already pending changes nothing, and a request read while another is being
 * answered is queued by Reactor Netty and answered in turn, so this cannot take the connection's order apart.
 */
final class ReadResumingHandler extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof LastHttpContent)) {
            ctx.write(msg, promise);
            return;
        }
        ChannelPromise written = promise.unvoid();
        written.addListener(done -> ctx.executor().execute(() -> {
            if (ctx.channel().isActive()) {
                ctx.read();
            }
        }));
        ctx.write(msg, written);
    }
}
