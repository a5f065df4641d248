package io.shoudan.server.terminal8583;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ISO 8583 (CUP POS) TCP endpoint: frames of a 2-byte length, the TPDU and the message, answered by a
 * {@link TerminalHost}. Half-open connections (idle timeout), slow senders (frame completion timeout), oversized
 * frames and connections above the cap are cut ({@link EndpointLimits}).
 *
 * <p>Wiring: {@code new Terminal8583Server(host, limits).start(port)}; {@link #stop()} closes every connection and
 * waits for the threads to end.
 */
public final class Terminal8583Server {
    private final TerminalHost host;
    private final EndpointLimits limits;
    private EventLoopGroup boss;
    private EventLoopGroup io;
    private ExecutorService workers;
    private Channel listener;

    public Terminal8583Server(TerminalHost host, EndpointLimits limits) {
        this.host = Objects.requireNonNull(host, "host");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Listens on every interface; port 0 picks a free port ({@link #port()}). */
    public synchronized Terminal8583Server start(int port) {
        return start(new InetSocketAddress(port));
    }

    public synchronized Terminal8583Server start(InetSocketAddress address) {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        EndpointMetrics metrics = host.metrics();
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(limits.workerThreads(), r -> {
            Thread t = new Thread(r, "iso8583-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        boss = new NioEventLoopGroup(1);
        io = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
        ConnectionGate gate = new ConnectionGate(limits.connectionsMax(), metrics);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("gate", gate)
                                .addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("frames", new FrameDecoder(limits.frameBytesMax(), limits.frameCompletionTimeout().toMillis(), metrics))
                                .addLast("requests", new RequestHandler(host, workers, metrics));
                    }
                });
        try {
            listener = bootstrap.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while binding " + address, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        } catch (Exception e) {
            // Netty rethrows the bind's checked exception (a BindException: the port is taken) without declaring it.
            stop();
            throw new IllegalStateException("cannot listen for ISO 8583 terminals on port " + address.getPort() + ": "
                    + e.getMessage() + " / 无法在端口 " + address.getPort() + " 上监听 ISO 8583 终端（端口可能已被占用）", e);
        }
        return this;
    }

    /** The port listened on. */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public EndpointMetrics metrics() {
        return host.metrics();
    }

    public synchronized void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss = null;
        }
        if (io != null) {
            io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            io = null;
        }
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }
}
