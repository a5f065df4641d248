package io.shoudan.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Everything a piece of code prints or logs while this is open: {@code System.out}, {@code System.err}, every logback
 * event of every logger at DEBUG and above (the levels the test configuration turns down are lifted, so a library's
 * debug output is seen too) with full stack traces, and java.util.logging records. Closing restores it all.
 */
final class CapturedOutput implements AutoCloseable {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final StringBuilder jul = new StringBuilder();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<Logger, Level> levels = new HashMap<>();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Handler julHandler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (jul) {
                jul.append(format.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedOutput() {
    }

    static CapturedOutput start() {
        CapturedOutput captured = new CapturedOutput();
        captured.begin();
        return captured;
    }

    private void begin() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger [%thread] %msg%n%ex{full}");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setName("captured-output");
        appender.setEncoder(encoder);
        appender.setOutputStream(log);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger, logger.getLevel());
                if (logger != root) {
                    logger.setLevel(null);
                }
            }
        }
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        java.util.logging.Logger.getLogger("").addHandler(julHandler);
    }

    /** What was printed to stdout. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What was printed to stderr. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Every logback event, formatted with its stack trace. */
    String log() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    /** java.util.logging records. */
    String jul() {
        synchronized (jul) {
            return jul.toString();
        }
    }

    /** Each channel by name. */
    Map<String, String> channels() {
        return Map.of("stdout", out(), "stderr", err(), "logback", log(), "java.util.logging", jul());
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        appender.stop();
        for (Logger logger : context.getLoggerList()) {
            if (logger != root) {
                logger.setLevel(levels.get(logger));
            }
        }
        root.setLevel(levels.getOrDefault(root, Level.INFO));
    }
}
