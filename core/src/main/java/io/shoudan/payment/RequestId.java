package io.shoudan.payment;

import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;

import java.util.regex.Pattern;

/**
 * The id a request comes with, unique per merchant: the idempotency key. Typed where the request enters — the
 * ISO 8583 endpoint builds a {@link Terminal} from fields 41, 60.2 and 11, a merchant system's
 * {@code out_trade_no} / {@code out_request_no} is a {@link Client} — so that nothing downstream parses a string
 * to learn a terminal's batch or trace. {@link #value()} is the key's text as the store indexes it; the three
 * forms never share one (a client id cannot take a terminal's form).
 */
public sealed interface RequestId {

    /** The key's text: {@code <terminal>-<batch>-<trace>}, that followed by {@code -R}, or the client's own id. */
    String value();

    /** A POS terminal's request: field 41, the batch (60.2) and the trace (11) it carried. */
    record Terminal(TerminalId terminal, BatchNo batch, TraceNo trace) implements RequestId {

        public Terminal {
            if (terminal == null || batch == null || trace == null) {
                throw new IllegalArgumentException("a terminal's request id needs terminal id, batch and trace");
            }
        }

        @Override
        public String value() {
            return terminal.value() + "-" + batch.digits() + "-" + trace.digits();
        }

        /** The id of the void a reversal (0400) of this sale makes when the sale had succeeded. */
        public Reversal reversal() {
            return new Reversal(this);
        }

        @Override
        public String toString() {
            return value();
        }
    }

    /** A terminal's reversal (0400) of its request {@code original}: it carries the original's batch and trace. */
    record Reversal(Terminal original) implements RequestId {

        public Reversal {
            if (original == null) {
                throw new IllegalArgumentException("a reversal's request id needs the original's");
            }
        }

        @Override
        public String value() {
            return original.value() + "-R";
        }

        @Override
        public String toString() {
            return value();
        }
    }

    /** A merchant system's (or the demo's) own id: 1-64 of {@code [A-Za-z0-9_.-]}, not in a terminal's form. */
    record Client(String id) implements RequestId {

        private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
        /** {@link Terminal#value()} and {@link Reversal#value()}: a client id in these forms would share their keys. */
        private static final Pattern TERMINAL_FORM = Pattern.compile("[A-Za-z0-9]{8}-[0-9]{6}-[0-9]{6}(-R)?");

        public Client {
            if (id == null || !FORM.matcher(id).matches()) {
                throw new IllegalArgumentException("\"" + id + "\" is not a request id ([A-Za-z0-9_.-]{1,64})");
            }
            if (TERMINAL_FORM.matcher(id).matches()) {
                throw new IllegalArgumentException("\"" + id + "\" is not a client's request id: <terminal>-<batch>-<trace> is a terminal's");
            }
        }

        @Override
        public String value() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
