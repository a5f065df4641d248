package io.shoudan.server.terminal8583;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts the byte stream into frame bodies (TPDU + message) after the 2-byte big-endian length. Never buffers more
 * than one frame's worth: a length above the maximum (or below the smallest possible message) closes the
 * connection before any of the body is read, and a frame whose bytes do not all arrive within the completion
 * timeout (counted from its first byte) is cut, so a slow sender cannot hold a buffer open.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final int frameBytesMax;
    private final long completionTimeoutMs;
    private final EndpointMetrics metrics;
    private ScheduledFuture<?> deadline;

    FrameDecoder(int frameBytesMax, long completionTimeoutMs, EndpointMetrics metrics) {
        this.frameBytesMax = frameBytesMax;
        this.completionTimeoutMs = completionTimeoutMs;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int readable = in.readableBytes();
        if (readable == 0) {
            return;
        }
        if (readable < 2) {
            arm(ctx);
            return;
        }
        int length = in.getUnsignedShort(in.readerIndex());
        if (length > frameBytesMax || length < EndpointLimits.FRAME_BYTES_MIN) {
            if (length > frameBytesMax) {
                metrics.oversizedFrame();
            } else {
                metrics.undecodable();
            }
            in.skipBytes(readable);
            disarm();
            ctx.close();
            return;
        }
        if (readable < 2 + length) {
            arm(ctx);
            return;
        }
        disarm();
        in.skipBytes(2);
        byte[] body = new byte[length];
        in.readBytes(body);
        out.add(body);
    }

    private void arm(ChannelHandlerContext ctx) {
        if (deadline == null) {
            deadline = ctx.executor().schedule(() -> {
                metrics.slowSender();
                ctx.close();
            }, completionTimeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        disarm();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }
}
