package io.shoudan.channels.unionpay;

import io.shoudan.channels.ChannelCalls;
import io.shoudan.channels.TransportReply;
import io.shoudan.channels.mapping.Classified;
import io.shoudan.channels.mapping.RawCodes;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.channels.mapping.Field39Codes;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.PayCommand;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundCommand;
import io.shoudan.payment.TradeRef;
import io.shoudan.reason.ReasonCode;

import java.util.Objects;
import java.util.Optional;

/**
 * UnionPay cards and UnionPay QR over the host link (ISO 8583 field 39). Field 11 is derived from our
 * ids ({@link Stan}), so a reversal after a crash names the original without stored state. 09, 68, 96,
 * 98 and no answer are {@code Pending}; the recovery plan then reverses (0400) — the POS protocol
 * has no query, though the adapter uses the host's status query where the link offers it.
 */
public final class UnionPayGateway implements ChannelGateway {

    private static final RawCode NO_ACCOUNT = new RawCode("NO_UNIONPAY_MERCHANT");
    private static final RawCode NO_RRN = new RawCode("NO_ORIGINAL_RRN");

    private final UnionPayTransport transport;
    private final UnionPayAccounts accounts;
    private final ChannelCalls calls;

    public UnionPayGateway(UnionPayTransport transport, UnionPayAccounts accounts, ChannelCalls calls) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.calls = Objects.requireNonNull(calls, "calls");
        if (calls.channel() != Channel.UNIONPAY) {
            throw new IllegalArgumentException("the UnionPay gateway needs the UnionPay channel's calls, got " + calls.channel());
        }
    }

    @Override
    public Channel channel() {
        return Channel.UNIONPAY;
    }

    @Override
    public ChannelAnswer pay(PayCommand command) {
        Optional<UnionPayMerchantAccount> account = accounts.of(command.merchant());
        if (account.isEmpty()) {
            return new ChannelAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        if (!calls.admitsPayment()) {
            return new ChannelAnswer.Refused(ChannelCalls.CIRCUIT_OPEN, ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE);
        }
        HostSaleRequest request = new HostSaleRequest(account.get(), Stan.of(command.payment().value()), command.instrument(),
                command.amount());
        Optional<TransportReply.Answered<HostAnswer>> reply = calls.arrived(transport.sale(request));
        if (reply.isEmpty()) {
            return new ChannelAnswer.Pending(ChannelCalls.TIMEOUT, PendingCause.TIMEOUT);
        }
        HostAnswer answer = reply.get().answer();
        Classified classified = calls.judged(Field39Codes.classify(answer.field39()), reply.get().took());
        return switch (classified.meaning()) {
            case CodeMeaning.Approved approved -> paid(answer.rrn(), command.method(), classified.raw());
            case CodeMeaning.Refusal refusal -> new ChannelAnswer.Refused(classified.raw(), refusal.reason());
            case CodeMeaning.Unknown unknown -> new ChannelAnswer.Pending(classified.raw(), unknown.cause());
            case CodeMeaning.AlreadyPaid already -> new ChannelAnswer.Pending(classified.raw(), PendingCause.SYSTEM_ERROR);
        };
    }

    @Override
    public ChannelAnswer query(TradeRef trade) {
        Optional<UnionPayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new ChannelAnswer.Pending(NO_ACCOUNT, PendingCause.SYSTEM_ERROR);
        }
        Optional<TransportReply.Answered<HostAnswer>> reply =
                calls.arrived(transport.query(new HostOriginal(account.get(), Stan.of(trade.payment().value()))));
        if (reply.isEmpty()) {
            return new ChannelAnswer.Pending(ChannelCalls.TIMEOUT, PendingCause.TIMEOUT);
        }
        HostAnswer answer = reply.get().answer();
        if (!Field39Codes.APPROVED.equals(answer.field39())) {
            // 25: the host never saw the sale (yet); 96: it cannot say. Neither proves anything.
            Classified classified = calls.judged(Field39Codes.classify(answer.field39()), reply.get().took());
            PendingCause cause = classified.meaning() instanceof CodeMeaning.Unknown unknown ? unknown.cause() : PendingCause.TIMEOUT;
            return new ChannelAnswer.Pending(classified.raw(), cause);
        }
        calls.answered(reply.get().took());
        String status = String.valueOf(answer.originalStatus());
        RawCode raw = RawCodes.of("query/" + Field39Codes.classify(answer.originalField39()).raw().value() + "/" + clip(status));
        return switch (status) {
            case "APPROVED" -> paid(answer.rrn(), trade.method(), raw);
            case "PENDING" -> new ChannelAnswer.Pending(raw, PendingCause.CONSUMER_CONFIRMING);
            case "DECLINED" -> Field39Codes.classify(answer.originalField39()).meaning() instanceof CodeMeaning.Refusal refusal
                    ? new ChannelAnswer.Refused(raw, refusal.reason())
                    : new ChannelAnswer.Pending(raw, PendingCause.SYSTEM_ERROR);
            // Undone by a reversal or void: nothing was kept.
            case "REVERSED", "VOIDED" -> new ChannelAnswer.Refused(raw, ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
            default -> new ChannelAnswer.Pending(raw, PendingCause.SYSTEM_ERROR);
        };
    }

    @Override
    public CancelAnswer cancel(TradeRef trade) {
        Optional<UnionPayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new CancelAnswer.NotCancelled(NO_ACCOUNT);
        }
        Optional<TransportReply.Answered<HostAnswer>> reply =
                calls.arrived(transport.reversal(new HostOriginal(account.get(), Stan.of(trade.payment().value()))));
        if (reply.isEmpty()) {
            return new CancelAnswer.NotCancelled(ChannelCalls.TIMEOUT);
        }
        HostAnswer answer = reply.get().answer();
        Classified classified = calls.judged(Field39Codes.classify(answer.field39()), reply.get().took());
        RawCode raw = RawCodes.of("0410/" + classified.raw().value());
        // 25 on a reversal: the host never saw the sale, so there is nothing to undo — done, as hosts treat it.
        if (classified.meaning() instanceof CodeMeaning.Approved || "25".equals(answer.field39())) {
            return new CancelAnswer.Cancelled(raw, false);
        }
        return new CancelAnswer.NotCancelled(raw);
    }

    @Override
    public RefundAnswer voidSale(RefundCommand command) {
        TradeRef trade = command.trade();
        Optional<UnionPayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new RefundAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        HostVoidRequest request = new HostVoidRequest(account.get(), Stan.of(command.refund().value()),
                Stan.of(trade.payment().value()), command.amount());
        return refundAnswer(transport.voidSale(request));
    }

    @Override
    public RefundAnswer refund(RefundCommand command) {
        TradeRef trade = command.trade();
        Optional<UnionPayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new RefundAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        if (trade.channelTradeNo() == null) {
            return new RefundAnswer.Refused(NO_RRN, ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
        }
        HostRefundRequest request = new HostRefundRequest(account.get(), Stan.of(command.refund().value()),
                trade.channelTradeNo().value(), command.amount());
        return refundAnswer(transport.refund(request));
    }

    private RefundAnswer refundAnswer(TransportReply<HostAnswer> sent) {
        Optional<TransportReply.Answered<HostAnswer>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new RefundAnswer.Pending(ChannelCalls.TIMEOUT);
        }
        Classified classified = calls.judged(Field39Codes.classify(reply.get().answer().field39()), reply.get().took());
        return switch (classified.meaning()) {
            case CodeMeaning.Approved approved -> new RefundAnswer.Refunded(classified.raw());
            case CodeMeaning.Refusal refusal -> new RefundAnswer.Refused(classified.raw(), refusal.reason());
            case CodeMeaning.Unknown unknown -> new RefundAnswer.Pending(classified.raw());
            case CodeMeaning.AlreadyPaid already -> new RefundAnswer.Pending(classified.raw());
        };
    }

    private static ChannelAnswer paid(String rrn, PaymentMethod method, RawCode raw) {
        if (rrn == null || !rrn.matches("[A-Za-z0-9_.-]{1,64}")) {
            return new ChannelAnswer.Pending(RawCodes.of(raw.value() + "/NO_RRN"), PendingCause.SYSTEM_ERROR);
        }
        FundingSource source = switch (method) {
            case UNIONPAY_DEBIT -> FundingSource.DEBIT_CARD;
            case UNIONPAY_CREDIT -> FundingSource.CREDIT_CARD;
            default -> FundingSource.UNREPORTED;
        };
        return new ChannelAnswer.Paid(new ChannelTradeNo(rrn), source, raw);
    }

    private static String clip(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) : printable;
    }
}
