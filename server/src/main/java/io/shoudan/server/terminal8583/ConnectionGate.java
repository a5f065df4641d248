package io.shoudan.server.terminal8583;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

import java.util.concurrent.atomic.AtomicInteger;

/** Caps concurrent connections: one above the cap is closed as soon as it is accepted. Shared by all channels. */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("shoudan.terminal8583.counted");
    private final int connectionsMax;
    private final EndpointMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionGate(int connectionsMax, EndpointMetrics metrics) {
        this.connectionsMax = connectionsMax;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (open.incrementAndGet() > connectionsMax) {
            open.decrementAndGet();
            metrics.connectionRefused();
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        metrics.connectionOpened();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (Boolean.TRUE.equals(ctx.channel().attr(COUNTED).getAndSet(null))) {
            open.decrementAndGet();
            metrics.connectionClosed();
        }
        super.channelInactive(ctx);
    }
}
