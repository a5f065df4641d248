package io.shoudan.store.payment;

import io.shoudan.payment.RequestId;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;

/**
 * A {@link RequestId} as the columns of a row (V10): its kind, its key text, and a terminal's parts — written from
 * the type and read back into it from the parts, never by parsing the text.
 *
 * @param kind     {@code CLIENT}, {@code TERMINAL} or {@code REVERSAL}
 * @param text     {@link RequestId#value()}, the idempotency key's text
 * @param terminal field 41; null for a client's id, like {@code batch} and {@code trace}
 */
record RequestColumns(String kind, String text, String terminal, Integer batch, Integer trace) {

    static RequestColumns of(RequestId id) {
        return switch (id) {
            case RequestId.Client client -> new RequestColumns("CLIENT", client.value(), null, null, null);
            case RequestId.Terminal t -> new RequestColumns("TERMINAL", t.value(), t.terminal().value(), t.batch().value(), t.trace().value());
            case RequestId.Reversal r -> new RequestColumns("REVERSAL", r.value(), r.original().terminal().value(),
                    r.original().batch().value(), r.original().trace().value());
        };
    }

    RequestId toRequestId() {
        return switch (kind) {
            case "CLIENT" -> new RequestId.Client(text);
            case "TERMINAL" -> terminalRequest();
            case "REVERSAL" -> terminalRequest().reversal();
            default -> throw new IllegalStateException("request " + text + " has an unknown kind " + kind);
        };
    }

    private RequestId.Terminal terminalRequest() {
        if (terminal == null || batch == null || trace == null) {
            throw new IllegalStateException("terminal request " + text + " is stored without its terminal, batch or trace");
        }
        return new RequestId.Terminal(new TerminalId(terminal), new BatchNo(batch), new TraceNo(trace));
    }
}
