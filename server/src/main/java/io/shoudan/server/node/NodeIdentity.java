package io.shoudan.server.node;

import org.slf4j.MDC;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;

/**
 * Who a node is: one name, used for its claims on payments in the store (docs/PAYMENTS.md), in its logs and on its
 * banner. The prefix of the payment ids it issues is derived from it per start ({@link #idPrefix}).
 *
 * @param name 1-64 letters, digits, '.', '_', ':' or '-'
 */
public record NodeIdentity(String name) {

    /** The log context key (SLF4J MDC) under which a node's threads carry its name; logback prints it. */
    public static final String LOG_KEY = "node";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public NodeIdentity {
        if (!isName(name)) {
            throw new IllegalArgumentException("node: 1-64 letters, digits, '.', '_', ':' or '-', got " + name
                    + " / 节点名须为 1-64 个字母、数字或 . _ : -");
        }
    }

    /** What a node's name may be: 1-64 letters, digits, '.', '_', ':' or '-'. */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The name when none is given: the host's name and a digest of the data directory, so that the same installation
     * keeps its name across restarts (and takes back at once the payments its previous process was settling), while
     * two installations on one host — each has its own data directory — do not share one.
     */
    public static NodeIdentity defaultFor(Path dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknownHost) {
            host = "node";
        }
        host = host.replaceAll("[^A-Za-z0-9.-]", "-");
        String digest = HexFormat.of().formatHex(sha256(dataDir.toAbsolutePath().normalize().toString())).substring(0, 12);
        return new NodeIdentity((host.length() > 51 ? host.substring(0, 51) : host) + ":" + digest);
    }

    /**
     * The prefix of the payment ids this start issues: {@code N} and the start time in base 36, so ids stay unique
     * across restarts over one store (a restarted node keeps its name, not its counter).
     */
    public static String idPrefix(Clock clock) {
        return "N" + Long.toString(clock.millis(), 36).toUpperCase();
    }

    /**
     * Daemon threads named {@code shoudan-<purpose> <node>} whose log lines carry the node's name ({@link #LOG_KEY}),
     * for the node's own background work (recovery sweep, housekeeping).
     */
    public ThreadFactory threads(String purpose) {
        return runnable -> {
            Thread thread = new Thread(() -> {
                MDC.put(LOG_KEY, name);
                runnable.run();
            }, "shoudan-" + purpose + " " + name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Puts the node's name into the calling thread's log context until closed (the start-up of a node). */
    public MDC.MDCCloseable inLogs() {
        return MDC.putCloseable(LOG_KEY, name);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
