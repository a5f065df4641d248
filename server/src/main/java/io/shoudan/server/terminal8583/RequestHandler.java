package io.shoudan.server.terminal8583;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs each frame on a worker (the payment service blocks) and writes the answer. One request per connection is
 * in flight at a time: reading stops until the answer is written, and frames a client sent ahead wait in a small
 * queue — a client that pipelines more than {@value #QUEUED_MAX} is cut. All fields are touched on the channel's
 * event loop only.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
    static final int QUEUED_MAX = 4;

    private final TerminalHost host;
    private final Executor workers;
    private final EndpointMetrics metrics;
    private final ArrayDeque<byte[]> queued = new ArrayDeque<>();
    private boolean busy;

    RequestHandler(TerminalHost host, Executor workers, EndpointMetrics metrics) {
        this.host = host;
        this.workers = workers;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        byte[] body = (byte[]) msg;
        if (busy) {
            if (queued.size() >= QUEUED_MAX) {
                ctx.close();
                return;
            }
            queued.add(body);
            return;
        }
        run(ctx, body);
    }

    private void run(ChannelHandlerContext ctx, byte[] body) {
        busy = true;
        ctx.channel().config().setAutoRead(false);
        try {
            workers.execute(() -> {
                TerminalHost.Reply reply;
                try {
                    reply = host.handle(body);
                } catch (RuntimeException e) {
                    LOG.error("terminal request failed: {}", e.getClass().getName());
                    reply = new TerminalHost.Reply.Hangup("internal error");
                }
                TerminalHost.Reply done = reply;
                ctx.executor().execute(() -> answer(ctx, done));
            });
        } catch (RejectedExecutionException stopping) {
            ctx.close();
        }
    }

    private void answer(ChannelHandlerContext ctx, TerminalHost.Reply reply) {
        switch (reply) {
            case TerminalHost.Reply.Hangup h -> ctx.close();
            case TerminalHost.Reply.Answer a -> {
                byte[] body = a.frameBody();
                ByteBuf out = ctx.alloc().buffer(2 + body.length);
                out.writeShort(body.length);
                out.writeBytes(body);
                ctx.writeAndFlush(out).addListener(written -> {
                    if (!written.isSuccess()) {
                        ctx.close();
                        return;
                    }
                    busy = false;
                    byte[] next = queued.poll();
                    if (next != null) {
                        run(ctx, next);
                    } else {
                        ctx.channel().config().setAutoRead(true);
                    }
                });
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            metrics.idleClosed();
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Connection resets and the like: only the class name, never buffer contents.
        LOG.debug("terminal connection error: {}", cause.getClass().getName());
        ctx.close();
    }
}
