package io.shoudan.server.terminal8583;

import io.shoudan.fee.Installments;
import io.shoudan.iso8583.cup.Field60;
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
import io.shoudan.iso8583.spec.CupPosSpec;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.AdjustmentOutcome;
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
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TerminalSn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol side of the ISO 8583 endpoint, without any networking: one frame body (TPDU + message) in, one
 * frame body out (or "hang up"). Thread-safe as long as the ports are; {@link Terminal8583Server} runs it on worker
 * threads because the payment service blocks.
 *
 * <p>The host parses, delegates and answers: {@link RequestReader} reads the message into a {@link TerminalRequest}
 * (or a format error), the payment service, {@link TerminalReversals} and {@link BatchSettlement} decide, and the
 * answer's field 39 comes from the reason through {@link ResponseCode#of}.
 *
 * <p>Order of checks for a financial message (0200, 0220, 0400, 0320, 0500): the terminal is known (41 + 42 →
 * {@code 03}), it has signed on ({@code 77}), its keys have not expired ({@code 77}), the MAC verifies
 * ({@code A0}), the message can be read ({@code 30}); only then the transaction. Refusals up to the format check
 * are answered without a MAC (the keys may be out of step); every later answer carries a MAC under the terminal's MAK.
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
    private final TerminalReversals reversals;
    private final BatchSettlement batches;
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
        this.reversals = new TerminalReversals(payments);
        this.batches = new BatchSettlement(journal, payments);
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
        } catch (IllegalArgumentException e) {
            // RequestReader answers a field that cannot be read; this is a value the domain's own checks refuse.
            out = formatError(request);
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

    /** The MTIs the host answers; any other request MTI (x0x0 or x2x0 below 0900) is answered {@code 40}. */
    private static boolean served(int mti) {
        return switch (mti) {
            case 800, 820, 200, 220, 400, 320, 500 -> true;
            default -> false;
        };
    }

    private Outgoing dispatch(ParsedMessage m) {
        int mti = m.mtiNumber();
        if (!served(mti)) {
            return mti % 20 == 0 && mti < 900 ? Outgoing.plain(base(m, clock.instant(), ResponseCode.NOT_SUPPORTED)) : null;
        }
        Instant now = clock.instant();
        TerminalRequest request = RequestReader.read(m);
        boolean management = mti == 800 || mti == 820;
        if (management && request instanceof TerminalRequest.FormatError) {
            return formatError(m);
        }
        String tid = m.getString(41);
        String mid = m.getString(42);
        if (tid == null || mid == null) {
            return formatError(m);
        }
        Optional<TerminalBinding> binding = resolve(tid, mid);
        if (binding.isEmpty()) {
            return Outgoing.plain(declined(base(m, now), unbound(m)));
        }
        return management ? management(m, binding.get(), request, now) : financial(m, binding.get(), request, now);
    }

    /** 0800 and 0820, answered without a MAC: the terminal may have no working keys yet. */
    private Outgoing management(ParsedMessage m, TerminalBinding who, TerminalRequest request, Instant now) {
        return switch (request) {
            case TerminalRequest.SignOn signOn -> signOn(m, who, signOn.field60(), now);
            case TerminalRequest.Echo echo -> Outgoing.plain(base(m, now, ResponseCode.APPROVED));
            case TerminalRequest.SignOff signOff -> {
                keys.signedOff(who.terminal());
                yield Outgoing.plain(base(m, now, ResponseCode.APPROVED));
            }
            default -> Outgoing.plain(base(m, now, ResponseCode.NOT_SUPPORTED));
        };
    }

    private Outgoing signOn(ParsedMessage m, TerminalBinding who, Field60 f60, Instant now) {
        TerminalSn sn = who.terminal();
        Optional<TerminalKeys.MasterKey> master = keys.masterKey(sn);
        if (master.isEmpty()) {
            return Outgoing.plain(declined(base(m, now), Reason.of(new HostRefusal.TerminalNotActivated(m.getString(41)))));
        }
        WorkingKeys fresh = keyGenerator.workingKeys(master.get().scheme());
        byte[] field62 = Field62KeyDownload.encode(master.get().tmk(), fresh);
        keys.signedOn(sn, new TerminalKeys.Session(fresh, now, now.plus(keyLifetime)));
        IsoMessage r = base(m, now, ResponseCode.APPROVED);
        r.set(60, new Field60("00", f60.batchNumber(), f60.networkManagementCode(), "").format());
        r.setBytes(62, field62);
        return Outgoing.plain(r);
    }

    /**
     * A financial request: the security checks first (answered without a MAC, the keys may be out of step), then a
     * request that cannot be read ({@code 30}, without a MAC), then the transaction, answered under the MAK.
     */
    private Outgoing financial(ParsedMessage m, TerminalBinding who, TerminalRequest request, Instant now) {
        TerminalSn sn = who.terminal();
        Optional<TerminalKeys.MasterKey> master = keys.masterKey(sn);
        Optional<TerminalKeys.Session> session = keys.session(sn);
        if (master.isEmpty() || session.isEmpty()) {
            metrics.notSignedOn();
            return Outgoing.plain(declined(base(m, now), Reason.of(new HostRefusal.NotSignedOn(m.getString(41)))));
        }
        if (session.get().expiredAt(now)) {
            metrics.keyExpired();
            return Outgoing.plain(declined(base(m, now), Reason.of(new HostRefusal.KeysExpired(m.getString(41),
                    session.get().expiresAt()))));
        }
        MacAlgorithm algorithm = master.get().mac();
        SymmetricKey mak = session.get().keys().mak();
        if (!new MessageMac(algorithm).verify(mak, m)) {
            metrics.macInvalid();
            return Outgoing.plain(declined(base(m, now), Reason.of(new HostRefusal.MacInvalid(m.getString(41)))));
        }
        Context c = new Context(m, who, now, session.get());
        IsoMessage response = switch (request) {
            case TerminalRequest.FormatError bad -> null;
            case TerminalRequest.Sale sale -> sale(c, sale);
            case TerminalRequest.ScanSale scan -> scanSale(c, scan);
            case TerminalRequest.Void v -> voidSale(c, v);
            case TerminalRequest.Refund refund -> adjustmentAnswer(c, refund.id(),
                    payments.refund(RefundRequest.refund(c.merchant(), refund.id(), refund.original(), refund.amount())), BatchJournal.Kind.REFUND);
            case TerminalRequest.Reversal reversal -> reversal(c, reversal);
            case TerminalRequest.Settlement settlement -> settlement(c, settlement);
            case TerminalRequest.BatchUpload upload -> base(m, now,
                    batches.uploadMatches(who, upload.batch(), upload.uploaded()) ? ResponseCode.APPROVED : ResponseCode.RECONCILE_ERROR);
            case TerminalRequest.Unsupported unsupported -> base(m, now, ResponseCode.NOT_SUPPORTED);
            case TerminalRequest.SignOn signOn -> throw new IllegalStateException("not a financial request: " + m.mti());
            case TerminalRequest.Echo echo -> throw new IllegalStateException("not a financial request: " + m.mti());
            case TerminalRequest.SignOff signOff -> throw new IllegalStateException("not a financial request: " + m.mti());
        };
        if (response == null) {
            return formatError(m);
        }
        if (ResponseCode.APPROVED.equals(response.getString(39))) {
            metrics.approved();
        }
        return new Outgoing(response, mak, algorithm);
    }

    /** A financial request that passed the security checks. */
    private record Context(ParsedMessage m, TerminalBinding who, Instant now, TerminalKeys.Session session) {
        MerchantId merchant() {
            return who.merchant();
        }
    }

    // ---------------------------------------------------------------- transactions

    private IsoMessage sale(Context c, TerminalRequest.Sale sale) {
        PaymentMethod method = cardKinds.methodFor(sale.card().pan());
        Instrument instrument = vault.deposit(sale.id(), sale.card().underPik(c.session().keys().pik().checkValue()));
        return saleAnswer(c, sale.id(), sale.amount(), method, instrument);
    }

    private IsoMessage scanSale(Context c, TerminalRequest.ScanSale scan) {
        String code = scan.code();
        Channel issuer = PaymentCode.issuerOrNull(code);
        if (issuer == null || code.length() > 32) {
            return declined(base(c.m(), c.now(), null), Reason.of(new HostRefusal.UnrecognizedCode(PaymentCode.masked(code))));
        }
        PaymentMethod method = switch (issuer) {
            case ALIPAY -> PaymentMethod.ALIPAY;
            case WECHAT -> PaymentMethod.WECHAT_PAY;
            case UNIONPAY -> PaymentMethod.UNIONPAY_QR;
        };
        return saleAnswer(c, scan.id(), scan.amount(), method, new Instrument.ScannedCode(code));
    }

    private IsoMessage saleAnswer(Context c, RequestId.Terminal rid, Money amount, PaymentMethod method, Instrument instrument) {
        ParsedMessage m = c.m();
        SaleOutcome outcome = payments.sale(new SaleRequest(c.merchant(), c.who().terminal(), rid, method, amount,
                Installments.NONE, instrument));
        return switch (outcome) {
            case SaleOutcome.Succeeded s -> {
                journal.record(new BatchJournal.Entry(c.who().terminal(), rid.batch(), rid.trace(), BatchJournal.Kind.SALE, amount, rid));
                yield approved(base(m, s.payment().createdAt(), ResponseCode.APPROVED), s.payment().id().value());
            }
            case SaleOutcome.Failed f -> declinedPayment(m, f.payment());
            case SaleOutcome.Declined d -> declinedPayment(m, d.payment());
            case SaleOutcome.Reversed r -> declinedPayment(m, r.payment());
            case SaleOutcome.StillUnknown u -> declined(base(m, u.payment().createdAt(), null),
                    Reason.of(new HostRefusal.StillOpen(method.channel(), u.payment().state())));
            case SaleOutcome.ReversedBeforeArrival early -> throw new IllegalStateException("a sale is not answered as a reversal");
            case SaleOutcome.Rejected rej -> declined(base(m, c.now(), null), rej.reasons().get(0));
        };
    }

    private IsoMessage voidSale(Context c, TerminalRequest.Void v) {
        ParsedMessage m = c.m();
        Money amount = v.amount();
        Optional<Payment> sale = payments.query(c.merchant(), v.original());
        if (sale.isPresent() && !sale.get().amount().equals(amount)) {
            return declined(base(m, c.now(), null), Reason.of(new PaymentRefusal.InvalidAmount(amount)));
        }
        AdjustmentOutcome outcome = payments.voidSale(c.merchant(), v.id(), v.original());
        return adjustmentAnswer(c, v.id(), outcome, BatchJournal.Kind.VOID);
    }

    private IsoMessage adjustmentAnswer(Context c, RequestId.Terminal rid, AdjustmentOutcome outcome, BatchJournal.Kind kind) {
        ParsedMessage m = c.m();
        return switch (outcome) {
            case AdjustmentOutcome.Done d -> {
                journal.record(new BatchJournal.Entry(c.who().terminal(), rid.batch(), rid.trace(), kind, d.refund().amount(), rid));
                yield approved(base(m, d.refund().createdAt(), ResponseCode.APPROVED), d.refund().id().value());
            }
            case AdjustmentOutcome.Refused r -> declined(base(m, r.refund().createdAt(), null), Reason.of(
                    r.refund().failure() == null ? ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE : r.refund().failure().reason()));
            case AdjustmentOutcome.StillPending p -> declined(base(m, p.refund().createdAt(), null),
                    Reason.of(new HostRefusal.StillOpen(p.payment().request().method().channel(), "PENDING")));
            case AdjustmentOutcome.Rejected rej -> declined(base(m, c.now(), null), rej.reasons().get(0));
        };
    }

    /** 0400: {@link TerminalReversals} decides; {@code 00} when no money stays taken, else the reason. */
    private IsoMessage reversal(Context c, TerminalRequest.Reversal reversal) {
        return switch (reversals.reverse(c.merchant(), reversal.reversed(), reversal.original(), reversal.amount())) {
            case TerminalReversals.Verdict.NothingStaysTaken approved -> base(c.m(), c.now(), ResponseCode.APPROVED);
            case TerminalReversals.Verdict.Refused refused -> declined(base(c.m(), c.now(), null), refused.reason());
        };
    }

    /** 0500: {@link BatchSettlement} compares the totals (and settles a balanced batch); field 48 says whether they balance. */
    private IsoMessage settlement(Context c, TerminalRequest.Settlement settlement) {
        boolean balanced = batches.settle(c.who(), settlement.batch(), settlement.theirs());
        IsoMessage r = base(c.m(), c.now(), balanced ? ResponseCode.APPROVED : ResponseCode.RECONCILE_ERROR);
        r.set(48, settlement.theirs().withReconciliation(balanced).format());
        return r;
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
                : Reason.of(new HostRefusal.EndedWithoutReason(p.state()));
        IsoMessage r = declined(base(m, p.createdAt(), null), reason);
        r.set(37, ReferenceNumbers.rrn(p.id().value()));
        return r;
    }

    /** An approval of the payment or refund {@code id}: fields 37 and 38 from it ({@link ReferenceNumbers}). */
    private static IsoMessage approved(IsoMessage r, String id) {
        r.set(37, ReferenceNumbers.rrn(id));
        r.set(38, ReferenceNumbers.authCode(id));
        return r;
    }

    // ---------------------------------------------------------------- who is asking

    /** Field 41 and 42 → the terminal and merchant in Shoudan; empty when unknown or malformed (answered {@code 03}). */
    private Optional<TerminalBinding> resolve(String tid, String mid) {
        try {
            return directory.resolve(new TerminalId(tid.trim()), new AcceptorId(mid.trim()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Reason unbound(ParsedMessage m) {
        return Reason.of(new HostRefusal.TerminalUnbound(m.getString(41).trim(), m.getString(42).trim()));
    }

    /** {@code 30}, without a MAC: a field is missing or its value does not fit its meaning. */
    private Outgoing formatError(ParsedMessage m) {
        return Outgoing.plain(base(m, clock.instant(), ResponseCode.FORMAT_ERROR));
    }
}
