package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.cup.CupTransaction;
import io.shoudan.iso8583.cup.Field60;
import io.shoudan.iso8583.cup.Field61;
import io.shoudan.iso8583.cup.NetworkManagementCode;
import io.shoudan.iso8583.message.ParsedMessage;
import io.shoudan.iso8583.pin.Pan;
import io.shoudan.money.Money;
import io.shoudan.payment.RequestId;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a decoded message into a {@link TerminalRequest}: field 60 and 61 through their spec records, batch and trace
 * through their value types, and the first field that is missing or does not fit its meaning as a
 * {@link TerminalRequest.FormatError} — a value, not an exception. Which terminal sent it (fields 41, 42) is the
 * host's to resolve; reading has no side effect, so the host may read first and answer a format error only after
 * the checks that come before it.
 */
final class RequestReader {
    private final ParsedMessage m;
    /** The first field that could not be read; 0 while every field read so far could. */
    private int badField;

    private RequestReader(ParsedMessage m) {
        this.m = m;
    }

    /** The request of an 0800, 0820, 0200, 0220, 0400, 0500 or 0320; any other MTI is {@link TerminalRequest.Unsupported}. */
    static TerminalRequest read(ParsedMessage m) {
        return new RequestReader(m).request();
    }

    private TerminalRequest request() {
        return switch (m.mtiNumber()) {
            case 800 -> signOn();
            case 820 -> management();
            case 200, 220 -> transaction();
            case 400 -> reversal();
            case 500 -> settlement();
            case 320 -> batchUpload();
            default -> new TerminalRequest.Unsupported();
        };
    }

    private TerminalRequest signOn() {
        Field60 f60 = field(60, Field60::parse);
        return badField != 0 ? formatError() : new TerminalRequest.SignOn(f60);
    }

    private TerminalRequest management() {
        Field60 f60 = field(60, Field60::parse);
        if (badField != 0) {
            return formatError();
        }
        return switch (NetworkManagementCode.of(f60.networkManagementCode()).orElse(NetworkManagementCode.NONE)) {
            case ECHO -> new TerminalRequest.Echo();
            case SIGN_OFF -> new TerminalRequest.SignOff();
            default -> new TerminalRequest.Unsupported();
        };
    }

    /** 0200 / 0220: a sale (by card or scanned code), a void or a refund, told apart by {@link CupTransaction}. */
    private TerminalRequest transaction() {
        TerminalId terminal = field(41, TerminalId::new);
        Field60 f60 = field(60, Field60::parse);
        if (badField != 0) {
            return formatError();
        }
        CupTransaction t = CupTransaction.identify(m).orElse(null);
        if (t != CupTransaction.SALE && t != CupTransaction.VOID && t != CupTransaction.REFUND) {
            return new TerminalRequest.Unsupported();
        }
        Money amount = field(4, RequestReader::fen);
        RequestId.Terminal id = id(terminal, f60);
        if (t == CupTransaction.SALE) {
            return sale(id, amount);
        }
        Field61 f61 = field(61, Field61::parse);
        if (badField != 0) {
            return formatError();
        }
        RequestId.Terminal original = new RequestId.Terminal(terminal, BatchNo.parse(f61.originalBatchNumber()),
                TraceNo.parse(f61.originalTraceNumber()));
        return t == CupTransaction.VOID
                ? new TerminalRequest.Void(id, original, amount)
                : new TerminalRequest.Refund(id, original, amount);
    }

    /** A scanned code travels in field 48 of a sale without card data; a card sale carries field 2 or track 2. */
    private TerminalRequest sale(RequestId.Terminal id, Money amount) {
        if (m.has(48) && !m.has(2) && !m.has(35)) {
            return badField != 0 ? formatError() : new TerminalRequest.ScanSale(id, amount, m.getString(48));
        }
        Pan pan = pan();
        String entryMode = field(22, Function.identity());
        if (badField != 0) {
            return formatError();
        }
        return new TerminalRequest.Sale(id, amount,
                new CardVault.CardPresentment(pan, m.getString(35), m.getString(14), entryMode, m.getBytes(52), null));
    }

    /** Field 2, or else track 2 up to its separator. */
    private Pan pan() {
        if (m.has(2) || !m.has(35)) {
            return field(2, Pan::new);
        }
        return field(35, track -> {
            int eq = track.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("track 2 has no separator");
            }
            return new Pan(track.substring(0, eq));
        });
    }

    /** 0400: the original's own fields 3, 25, 60.1 (its transaction), 11 and 60.2 (its request id) and amount. */
    private TerminalRequest reversal() {
        TerminalId terminal = field(41, TerminalId::new);
        Field60 f60 = field(60, Field60::parse);
        if (badField != 0) {
            return formatError();
        }
        Optional<BatchJournal.Kind> reversed = CupTransaction.identify(m).flatMap(RequestReader::reversible);
        if (reversed.isEmpty()) {
            return new TerminalRequest.Unsupported();
        }
        RequestId.Terminal original = id(terminal, f60);
        Money amount = field(4, RequestReader::fen);
        return badField != 0 ? formatError() : new TerminalRequest.Reversal(reversed.get(), original, amount);
    }

    /** The transactions a terminal may reverse: its sales, voids and refunds. */
    private static Optional<BatchJournal.Kind> reversible(CupTransaction t) {
        return switch (t) {
            case SALE -> Optional.of(BatchJournal.Kind.SALE);
            case VOID -> Optional.of(BatchJournal.Kind.VOID);
            case REFUND -> Optional.of(BatchJournal.Kind.REFUND);
            case BALANCE_INQUIRY, PRE_AUTH, PRE_AUTH_VOID, PRE_AUTH_COMPLETION -> Optional.empty();
        };
    }

    private TerminalRequest settlement() {
        field(41, TerminalId::new);
        Field60 f60 = field(60, Field60::parse);
        SettlementTotals theirs = field(48, SettlementTotals::parse);
        return badField != 0 ? formatError() : new TerminalRequest.Settlement(BatchNo.parse(f60.batchNumber()), theirs);
    }

    private TerminalRequest batchUpload() {
        field(41, TerminalId::new);
        Field60 f60 = field(60, Field60::parse);
        List<SettlementTotals.Uploaded> uploaded = field(48, SettlementTotals::parseUpload);
        return badField != 0 ? formatError() : new TerminalRequest.BatchUpload(BatchNo.parse(f60.batchNumber()), uploaded);
    }

    /** The request's own id: field 41, 60.2 batch, field 11 trace. */
    private RequestId.Terminal id(TerminalId terminal, Field60 f60) {
        TraceNo trace = field(11, TraceNo::parse);
        return badField != 0 ? null : new RequestId.Terminal(terminal, BatchNo.parse(f60.batchNumber()), trace);
    }

    private static Money fen(String digits) {
        return Money.ofFen(Long.parseLong(digits));
    }

    /**
     * The field read by {@code reader}; null, and the field noted as the format error, when it is absent or the
     * reader refuses its value. Once a field failed, later ones are not read.
     */
    private <T> T field(int field, Function<String, T> reader) {
        if (badField != 0) {
            return null;
        }
        String value = m.getString(field);
        if (value == null) {
            badField = field;
            return null;
        }
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException refused) {
            badField = field;
            return null;
        }
    }

    private TerminalRequest formatError() {
        return new TerminalRequest.FormatError(badField);
    }
}
