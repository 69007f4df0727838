package dev.ticketing.gateway.intake;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * Puts a {@link RefusingHandler} and a {@link ReadResumingHandler} right behind the HTTP codec of every connection
 * the gateway accepts.
 */
@Configuration(proxyBeanMethods = false)
class RequestIntakeConfiguration {

    /**
     * The largest body any service accepts (common-web's RequestBodyLimit): a larger declared body is refused here,
     * before it is forwarded, so the service never has to cut a connection short.
     */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final String HEAD_CHECK = "ticketing.requestHeadCheck";
    private static final String READ_RESUMING = "ticketing.readResuming";

    @Bean
    NettyServerCustomizer requestIntakeHandlers() {
        RequestHeadCheck check = new RequestHeadCheck(MAX_BODY_BYTES);
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HEAD_CHECK, new RefusingHandler(check));
                pipeline.addAfter(HEAD_CHECK, READ_RESUMING, new ReadResumingHandler());
            }
        });
    }
}
