package io.shoudan.server.terminal8583;

import io.shoudan.fee.Installments;
import io.shoudan.iso8583.cup.CupTransaction;
import io.shoudan.iso8583.cup.Field60;
import io.shoudan.iso8583.cup.NetworkManagementCode;
import io.shoudan.iso8583.frame.Tpdu;
import io.shoudan.iso8583.key.Field62KeyDownload;
import io.shoudan.iso8583.key.KeyGenerator;
import io.shoudan.iso8583.key.SymmetricKey;
import io.shoudan.iso8583.key.WorkingKeys;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.iso8583.mac.MessageMac;
import io.shoudan.iso8583.message.DecodeError;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.message.ParsedMessage;
import io.shoudan.iso8583.message.UnpackOutcome;
import io.shoudan.iso8583.pin.Pan;
import io.shoudan.iso8583.spec.CupPosSpec;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.AdjustmentOutcome;
import io.shoudan.payment.AdjustmentReversal;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentRefusal;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RefundRequest;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.SixDigits;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol side of the ISO 8583 endpoint, without any networking: one frame body (TPDU + message) in, one
 * frame body out (or "hang up"). Thread-safe as long as the ports are; {@link Terminal8583Server} runs it on worker
 * threads because the payment service blocks.
 *
 * <p>Order of checks for a financial message (0200, 0220, 0400, 0320, 0500): the terminal is known (41 + 42 →
 * {@code 03}), it has signed on ({@code 77}), its keys have not expired ({@code 77}), the MAC verifies
 * ({@code A0}); only then the transaction. Refusals before the MAC check are answered without a MAC (the keys may
 * be out of step); every later answer carries a MAC under the terminal's MAK.
 */
public final class TerminalHost {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalHost.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMdd");
    private static final String CURRENCY_CNY = "156";

    private final PaymentService payments;
    private final TerminalDirectory directory;
    private final TerminalKeys keys;
    private final BatchJournal journal;
    private final CardVault vault;
    private final CardKinds cardKinds;
    private final KeyGenerator keyGenerator;
    private final Clock clock;
    private final Duration keyLifetime;
    private final EndpointMetrics metrics;
    private final Iso8583Codec codec = new Iso8583Codec(CupPosSpec.create());

    public TerminalHost(PaymentService payments, TerminalDirectory directory, TerminalKeys keys, BatchJournal journal,
                        CardVault vault, CardKinds cardKinds, KeyGenerator keyGenerator, Clock clock, Duration keyLifetime,
                        EndpointMetrics metrics) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.cardKinds = Objects.requireNonNull(cardKinds, "cardKinds");
        this.keyGenerator = Objects.requireNonNull(keyGenerator, "keyGenerator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyLifetime = Objects.requireNonNull(keyLifetime, "keyLifetime");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public EndpointMetrics metrics() {
        return metrics;
    }

    /** What to do with the connection after a frame. */
    public sealed interface Reply {
        /** Send this frame body (TPDU + message) back, prefixed with its length. */
        record Answer(byte[] frameBody) implements Reply {
        }

        /** Nothing can be answered (no readable TPDU or MTI): close the connection. */
        record Hangup(String why) implements Reply {
        }
    }

    public Reply handle(byte[] frameBody) {
        metrics.request();
        Tpdu tpdu;
        try {
            tpdu = Tpdu.read(frameBody, 0);
        } catch (IllegalArgumentException e) {
            metrics.undecodable();
            return new Reply.Hangup(e.getMessage());
        }
        UnpackOutcome outcome = codec.unpack(frameBody, Tpdu.BYTES, frameBody.length - Tpdu.BYTES);
        if (outcome instanceof DecodeError error) {
            metrics.undecodable();
            return new Reply.Hangup(error.message());
        }
        ParsedMessage request = (ParsedMessage) outcome;
        Outgoing out;
        try {
            out = dispatch(request);
        } catch (FormatError | IllegalArgumentException e) {
            // A value the terminal sent does not fit its field's meaning (bad batch, trace, totals, PAN...).
            out = Outgoing.plain(base(request, clock.instant(), ResponseCode.FORMAT_ERROR));
        } catch (RuntimeException e) {
            // Only the class name: exception messages may quote values from the message.
            LOG.error("request {} failed: {}", request.mti(), e.getClass().getName());
            out = Outgoing.plain(base(request, clock.instant(), ResponseCode.SYSTEM_MALFUNCTION));
        }
        if (out == null) {
            return new Reply.Hangup("MTI " + request.mti() + " is not a request");
        }
        byte[] image = pack(out);
        byte[] body = new byte[Tpdu.BYTES + image.length];
        tpdu.reply().write(body, 0);
        System.arraycopy(image, 0, body, Tpdu.BYTES, image.length);
        return new Reply.Answer(body);
    }

    // ---------------------------------------------------------------- dispatch

    private Outgoing dispatch(ParsedMessage m) {
        int mti = m.mtiNumber();
        return switch (mti) {
            case 800 -> signOn(m);
            case 820 -> management(m);
            case 200, 220, 400, 320, 500 -> financial(m);
            default -> mti % 20 == 0 && mti < 900
                    ? Outgoing.plain(base(m, clock.instant(), ResponseCode.NOT_SUPPORTED))
                    : null;
        };
    }

    private Outgoing signOn(ParsedMessage m) {
        Instant now = clock.instant();
        Field60 f60 = field60(m);
        Optional<TerminalBinding> binding = resolve(m);
        if (binding.isEmpty()) {
            return Outgoing.plain(declined(base(m, now), unbound(m)));
        }
        TerminalSn sn = binding.get().terminal();
        Optional<TerminalKeys.MasterKey> master = keys.masterKey(sn);
        if (master.isEmpty()) {
            return Outgoing.plain(declined(base(m, now), Reason.of(ReasonCode.TERMINAL_NOT_ACTIVATED, "terminal", m.getString(41))));
        }
        WorkingKeys fresh = keyGenerator.workingKeys(master.get().scheme());
        byte[] field62 = Field62KeyDownload.encode(master.get().tmk(), fresh);
        keys.signedOn(sn, new TerminalKeys.Session(fresh, now, now.plus(keyLifetime)));
        IsoMessage r = base(m, now, ResponseCode.APPROVED);
        r.set(60, new Field60("00", f60.batchNumber(), f60.networkManagementCode(), "").format());
        r.setBytes(62, field62);
        return Outgoing.plain(r);
    }

    private Outgoing management(ParsedMessage m) {
        Instant now = clock.instant();
        Field60 f60 = field60(m);
        Optional<TerminalBinding> binding = resolve(m);
        if (binding.isEmpty()) {
            return Outgoing.plain(declined(base(m, now), unbound(m)));
        }
        NetworkManagementCode code = NetworkManagementCode.of(f60.networkManagementCode()).orElse(NetworkManagementCode.NONE);
        return switch (code) {
            case ECHO -> Outgoing.plain(base(m, now, ResponseCode.APPROVED));
            case SIGN_OFF -> {
                keys.signedOff(binding.get().terminal());
                yield Outgoing.plain(base(m, now, ResponseCode.APPROVED));
            }
            default -> Outgoing.plain(base(m, now, ResponseCode.NOT_SUPPORTED));
        };
    }

    private Outgoing financial(ParsedMessage m) {
        Instant now = clock.instant();
        Optional<TerminalBinding> binding = resolve(m);
        if (binding.isEmpty()) {
            return Outgoing.plain(declined(base(m, now), unbound(m)));
        }
        TerminalSn sn = binding.get().terminal();
        Optional<TerminalKeys.MasterKey> master = keys.masterKey(sn);
        Optional<TerminalKeys.Session> session = keys.session(sn);
        if (master.isEmpty() || session.isEmpty()) {
            metrics.notSignedOn();
            return Outgoing.plain(declined(base(m, now), Reason.of(ReasonCode.TERMINAL_NOT_SIGNED_ON, "terminal", m.getString(41))));
        }
        if (session.get().expiredAt(now)) {
            metrics.keyExpired();
            return Outgoing.plain(declined(base(m, now), Reason.of(ReasonCode.SECURITY_KEY_EXPIRED, "terminal", m.getString(41),
                    "expiredAt", session.get().expiresAt())));
        }
        MacAlgorithm algorithm = master.get().mac();
        SymmetricKey mak = session.get().keys().mak();
        if (!new MessageMac(algorithm).verify(mak, m)) {
            metrics.macInvalid();
            return Outgoing.plain(declined(base(m, now), Reason.of(ReasonCode.SECURITY_MAC_INVALID, "terminal", m.getString(41))));
        }
        Context c = new Context(m, binding.get(), new TerminalId(m.getString(41)), field60(m), now, session.get());
        IsoMessage response = switch (m.mtiNumber()) {
            case 200, 220 -> {
                CupTransaction t = CupTransaction.identify(m).orElse(null);
                if (t == CupTransaction.SALE) {
                    yield sale(c);
                } else if (t == CupTransaction.VOID) {
                    yield voidSale(c);
                } else if (t == CupTransaction.REFUND) {
                    yield refund(c);
                }
                yield base(m, now, ResponseCode.NOT_SUPPORTED);
            }
            case 400 -> reversal(c);
            case 500 -> settlement(c);
            case 320 -> batchUpload(c);
            default -> throw new IllegalStateException("not a financial MTI: " + m.mti());
        };
        if (ResponseCode.APPROVED.equals(response.getString(39))) {
            metrics.approved();
        }
        return new Outgoing(response, mak, algorithm);
    }

    /** A financial request that passed the security checks. */
    private record Context(ParsedMessage m, TerminalBinding who, TerminalId terminalId, Field60 f60, Instant now,
                           TerminalKeys.Session session) {
        MerchantId merchant() {
            return who.merchant();
        }

        BatchNo batch() {
            return BatchNo.parse(f60.batchNumber());
        }

        TraceNo trace() {
            return TraceNo.parse(required(m, 11));
        }

        RequestId.Terminal requestId() {
            return new RequestId.Terminal(terminalId, batch(), trace());
        }
    }

    // ---------------------------------------------------------------- transactions

    private IsoMessage sale(Context c) {
        ParsedMessage m = c.m();
        Money amount = Money.ofFen(m.getLong(4));
        RequestId.Terminal rid = c.requestId();
        PaymentMethod method;
        Instrument instrument;
        if (m.has(48) && !m.has(2) && !m.has(35)) {
            String code = m.getString(48);
            Channel issuer = PaymentCode.issuerOrNull(code);
            if (issuer == null || code.length() > 32) {
                return declined(base(m, c.now(), null), Reason.of(ReasonCode.OPERATION_UNRECOGNIZED_CODE, "code", PaymentCode.masked(code)));
            }
            method = switch (issuer) {
                case ALIPAY -> PaymentMethod.ALIPAY;
                case WECHAT -> PaymentMethod.WECHAT_PAY;
                case UNIONPAY -> PaymentMethod.UNIONPAY_QR;
            };
            instrument = new Instrument.ScannedCode(code);
        } else {
            Pan pan = pan(m);
            method = cardKinds.methodFor(pan);
            String track2 = m.getString(35);
            byte[] pinBlock = m.getBytes(52);
            instrument = vault.deposit(rid, new CardVault.CardPresentment(pan, track2, m.getString(14), required(m, 22),
                    pinBlock, pinBlock == null ? null : c.session().keys().pik().checkValue()));
        }
        SaleOutcome outcome = payments.sale(new SaleRequest(c.merchant(), c.who().terminal(), rid, method, amount,
                Installments.NONE, instrument));
        return switch (outcome) {
            case SaleOutcome.Succeeded s -> {
                journal.record(new BatchJournal.Entry(c.who().terminal(), c.batch(), c.trace(), BatchJournal.Kind.SALE, amount, rid));
                yield approved(base(m, s.payment().createdAt(), ResponseCode.APPROVED), s.payment());
            }
            case SaleOutcome.Failed f -> declinedPayment(m, f.payment());
            case SaleOutcome.Declined d -> declinedPayment(m, d.payment());
            case SaleOutcome.Reversed r -> declinedPayment(m, r.payment());
            case SaleOutcome.StillUnknown u -> declined(base(m, u.payment().createdAt(), null),
                    Reason.of(ReasonCode.NETWORK_CHANNEL_TIMEOUT, "channel", method.channel(), "outcome", u.payment().state()));
            case SaleOutcome.ReversedBeforeArrival early -> throw new IllegalStateException("a sale is not answered as a reversal");
            case SaleOutcome.Rejected rej -> declined(base(m, c.now(), null), rej.reasons().get(0));
        };
    }

    private IsoMessage voidSale(Context c) {
        ParsedMessage m = c.m();
        RequestId original = original(c);
        Money amount = Money.ofFen(m.getLong(4));
        Optional<Payment> sale = payments.query(c.merchant(), original);
        if (sale.isPresent() && !sale.get().amount().equals(amount)) {
            return declined(base(m, c.now(), null), Reason.of(ReasonCode.OPERATION_INVALID_AMOUNT, "amount", amount));
        }
        AdjustmentOutcome outcome = payments.voidSale(c.merchant(), c.requestId(), original);
        return adjustmentAnswer(c, outcome, BatchJournal.Kind.VOID);
    }

    private IsoMessage refund(Context c) {
        ParsedMessage m = c.m();
        Money amount = Money.ofFen(m.getLong(4));
        AdjustmentOutcome outcome = payments.refund(RefundRequest.refund(c.merchant(), c.requestId(), original(c), amount));
        return adjustmentAnswer(c, outcome, BatchJournal.Kind.REFUND);
    }

    private IsoMessage adjustmentAnswer(Context c, AdjustmentOutcome outcome, BatchJournal.Kind kind) {
        ParsedMessage m = c.m();
        return switch (outcome) {
            case AdjustmentOutcome.Done d -> {
                journal.record(new BatchJournal.Entry(c.who().terminal(), c.batch(), c.trace(), kind, d.refund().amount(), c.requestId()));
                IsoMessage r = base(m, d.refund().createdAt(), ResponseCode.APPROVED);
                r.set(37, rrn(d.refund().id().value()));
                r.set(38, authCode(d.refund().id().value()));
                yield r;
            }
            case AdjustmentOutcome.Refused r -> declined(base(m, r.refund().createdAt(), null), Reason.of(
                    r.refund().failure() == null ? ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE : r.refund().failure().reason()));
            case AdjustmentOutcome.StillPending p -> declined(base(m, p.refund().createdAt(), null),
                    Reason.of(ReasonCode.NETWORK_CHANNEL_TIMEOUT, "channel", p.payment().request().method().channel(), "outcome", "PENDING"));
            case AdjustmentOutcome.Rejected rej -> declined(base(m, c.now(), null), rej.reasons().get(0));
        };
    }

    /**
     * 0400: the terminal reverses the request whose answer it did not get; the reversal carries that request's own
     * fields 11 and 60.2, so its request id is the original's. A sale is reversed ({@link PaymentService#reverse}),
     * a void or refund is not undone ({@link PaymentService#reverseAdjustment}, docs/ISO8583.md "Reversals").
     */
    private IsoMessage reversal(Context c) {
        ParsedMessage m = c.m();
        CupTransaction t = CupTransaction.identify(m).orElse(null);
        if (t != CupTransaction.SALE && t != CupTransaction.VOID && t != CupTransaction.REFUND) {
            return base(m, c.now(), ResponseCode.NOT_SUPPORTED);
        }
        RequestId.Terminal original = c.requestId();
        Money amount = Money.ofFen(Long.parseLong(required(m, 4)));
        if (t != CupTransaction.SALE) {
            return adjustmentReversal(c, payments.reverseAdjustment(c.merchant(), original, original.reversal(), amount));
        }
        SaleOutcome outcome = payments.reverse(c.merchant(), original, original.reversal(), amount);
        return switch (outcome) {
            // The sale never arrived: nothing was taken, and it will not be when it does (as UnionPay hosts answer).
            case SaleOutcome.ReversedBeforeArrival early -> base(m, c.now(), ResponseCode.APPROVED);
            case SaleOutcome.Rejected rej -> declined(base(m, c.now(), null), rej.reasons().get(0));
            case SaleOutcome.StillUnknown u -> declined(base(m, c.now(), null),
                    Reason.of(ReasonCode.NETWORK_CHANNEL_TIMEOUT, "channel", u.payment().request().method().channel(), "outcome", u.payment().state()));
            case SaleOutcome.Succeeded s -> reversedOrKept(c, s.payment());
            case SaleOutcome.Failed f -> reversedOrKept(c, f.payment());
            case SaleOutcome.Declined d -> reversedOrKept(c, d.payment());
            case SaleOutcome.Reversed r -> reversedOrKept(c, r.payment());
        };
    }

    /** 00 once no money stays taken by the sale; otherwise the sale could not be voided and the reversal is refused. */
    private IsoMessage reversedOrKept(Context c, Payment p) {
        boolean moneyKept = p.state() == PaymentState.SUCCEEDED || p.state() == PaymentState.PARTIALLY_REFUNDED;
        return moneyKept
                ? declined(base(c.m(), c.now(), null), Reason.of(new PaymentRefusal.SaleNotReversible(p.id(), p.state())))
                : base(c.m(), c.now(), ResponseCode.APPROVED);
    }

    /**
     * A reversal of a void or refund: 00 when nothing was given back (or it had not arrived, and now will not be
     * carried out); {@code 12} with the reason when the money went back — it stays back, the void or refund stands.
     */
    private IsoMessage adjustmentReversal(Context c, AdjustmentReversal answer) {
        ParsedMessage m = c.m();
        return switch (answer) {
            case AdjustmentReversal.NothingGivenBack nothing -> base(m, c.now(), ResponseCode.APPROVED);
            case AdjustmentReversal.ReversedBeforeArrival early -> base(m, c.now(), ResponseCode.APPROVED);
            case AdjustmentReversal.StillPending p -> declined(base(m, c.now(), null),
                    Reason.of(ReasonCode.NETWORK_CHANNEL_TIMEOUT, "channel", p.payment().request().method().channel(), "outcome", "PENDING"));
            case AdjustmentReversal.Refused refused -> declined(base(m, c.now(), null), refused.reasons().get(0));
        };
    }

    private IsoMessage settlement(Context c) {
        ParsedMessage m = c.m();
        SettlementTotals theirs = SettlementTotals.parse(required(m, 48));
        List<BatchJournal.Entry> entries = journal.entries(c.who().terminal(), c.batch());
        SettlementTotals ours = SettlementTotals.of(counted(c, entries));
        boolean balanced = ours.sameTotalsAs(theirs);
        if (balanced) {
            for (BatchJournal.Entry e : entries) {
                if (e.kind() == BatchJournal.Kind.SALE) {
                    payments.query(c.merchant(), e.request())
                            .filter(p -> p.settledAt() == null && p.state().wasCaptured())
                            .ifPresent(p -> payments.markSettled(p.id()));
                }
            }
        }
        IsoMessage r = base(m, c.now(), balanced ? ResponseCode.APPROVED : ResponseCode.RECONCILE_ERROR);
        r.set(48, theirs.withReconciliation(balanced).format());
        return r;
    }

    private IsoMessage batchUpload(Context c) {
        ParsedMessage m = c.m();
        List<SettlementTotals.Uploaded> uploaded = SettlementTotals.parseUpload(required(m, 48));
        List<BatchJournal.Entry> counted = counted(c, journal.entries(c.who().terminal(), c.batch()));
        boolean allKnown = uploaded.stream().allMatch(u -> counted.stream()
                .anyMatch(e -> e.trace().equals(u.trace()) && e.amount().equals(u.amount())));
        return base(m, c.now(), allKnown ? ResponseCode.APPROVED : ResponseCode.RECONCILE_ERROR);
    }

    /** The entries that count in the totals: refunds, and sales whose money is still taken (not voided or reversed). */
    private List<BatchJournal.Entry> counted(Context c, List<BatchJournal.Entry> entries) {
        return entries.stream().filter(e -> switch (e.kind()) {
            case SALE -> payments.query(c.merchant(), e.request())
                    .map(p -> p.state() == PaymentState.SUCCEEDED || p.state() == PaymentState.PARTIALLY_REFUNDED
                            || p.state() == PaymentState.REFUNDED)
                    .orElse(false);
            case REFUND -> true;
            case VOID -> false;
        }).toList();
    }

    // ---------------------------------------------------------------- building responses

    private record Outgoing(IsoMessage message, SymmetricKey mak, MacAlgorithm algorithm) {
        static Outgoing plain(IsoMessage message) {
            return new Outgoing(message, null, null);
        }
    }

    private byte[] pack(Outgoing out) {
        IsoMessage r = out.message();
        if (out.mak() == null) {
            r.unset(64);
            return codec.pack(r);
        }
        r.setBytes(64, new byte[8]);
        byte[] image = codec.pack(r);
        new MessageMac(out.algorithm()).sign(out.mak(), image, 0, image.length);
        return image;
    }

    /** The response to {@code m}: MTI + 10, the request's identifying fields echoed, host time and date. */
    private IsoMessage base(ParsedMessage m, Instant at, String responseCode) {
        String mti = m.mti();
        IsoMessage r = codec.newMessage(mti.substring(0, 2) + (char) (mti.charAt(2) + 1) + mti.charAt(3));
        for (int field : new int[] {2, 3, 4, 11, 25, 41, 42, 49, 60, 61}) {
            if (m.has(field)) {
                r.set(field, m.getString(field));
            }
        }
        ZonedDateTime local = at.atZone(PaymentService.BUSINESS_ZONE);
        r.set(12, TIME.format(local));
        r.set(13, DATE.format(local));
        if (responseCode != null) {
            r.set(39, responseCode);
        }
        return r;
    }

    private IsoMessage base(ParsedMessage m, Instant at) {
        return base(m, at, null);
    }

    private static IsoMessage declined(IsoMessage r, Reason reason) {
        r.set(39, ResponseCode.of(reason.code()));
        r.setBytes(63, ReasonField.encode(reason));
        return r;
    }

    /** A sale that ended without the money: the gate's first blocking reason, or the channel's, or "still unknown". */
    private IsoMessage declinedPayment(ParsedMessage m, Payment p) {
        Optional<Reason> gate = p.verdict().stream().filter(Reason::blocking).findFirst();
        Reason reason = p.state() == PaymentState.DECLINED && gate.isPresent() ? gate.get()
                : p.failure() != null ? Reason.of(p.failure().reason())
                : Reason.of(ReasonCode.NETWORK_CHANNEL_TIMEOUT, "outcome", p.state());
        IsoMessage r = declined(base(m, p.createdAt(), null), reason);
        r.set(37, rrn(p.id().value()));
        return r;
    }

    private static IsoMessage approved(IsoMessage r, Payment p) {
        r.set(37, rrn(p.id().value()));
        r.set(38, authCode(p.id().value()));
        return r;
    }

    /** Field 37: the payment's (or refund's) id as 12 characters, so a repeated request gets the same number. */
    static String rrn(String id) {
        String clean = id.replaceAll("[^A-Za-z0-9]", "");
        return clean.length() >= 12 ? clean.substring(clean.length() - 12) : "0".repeat(12 - clean.length()) + clean;
    }

    /** Field 38: six digits derived from the id (stable across retries). */
    static String authCode(String id) {
        return SixDigits.format(Math.floorMod(id.hashCode(), 1_000_000));
    }

    // ---------------------------------------------------------------- reading requests

    private Optional<TerminalBinding> resolve(ParsedMessage m) {
        String tid = m.getString(41);
        String mid = m.getString(42);
        if (tid == null || mid == null) {
            throw new FormatError();
        }
        try {
            return directory.resolve(new TerminalId(tid.trim()), new AcceptorId(mid.trim()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Reason unbound(ParsedMessage m) {
        return Reason.of(ReasonCode.TERMINAL_UNBOUND, "terminal", m.getString(41).trim(), "merchant", m.getString(42).trim());
    }

    private static Field60 field60(ParsedMessage m) {
        try {
            return Field60.parse(required(m, 60));
        } catch (IllegalArgumentException e) {
            throw new FormatError();
        }
    }

    private RequestId.Terminal original(Context c) {
        String f61 = required(c.m(), 61);
        if (f61.length() < 12) {
            throw new FormatError();
        }
        return new RequestId.Terminal(c.terminalId(), BatchNo.parse(f61.substring(0, 6)), TraceNo.parse(f61.substring(6, 12)));
    }

    private static Pan pan(ParsedMessage m) {
        String digits = m.getString(2);
        if (digits == null && m.has(35)) {
            String track = m.getString(35);
            int eq = track.indexOf('=');
            digits = eq < 0 ? null : track.substring(0, eq);
        }
        if (digits == null) {
            throw new FormatError();
        }
        try {
            return new Pan(digits);
        } catch (IllegalArgumentException e) {
            throw new FormatError();
        }
    }

    private static String required(ParsedMessage m, int field) {
        String v = m.getString(field);
        if (v == null) {
            throw new FormatError();
        }
        return v;
    }

    /** A message that decodes but lacks a field the transaction needs (answered {@code 30}). */
    private static final class FormatError extends RuntimeException {
        FormatError() {
            super("format error", null, false, false);
        }
    }
}
