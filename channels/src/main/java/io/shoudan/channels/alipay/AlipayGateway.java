package io.shoudan.channels.alipay;

import io.shoudan.channels.ChannelCalls;
import io.shoudan.channels.TransportReply;
import io.shoudan.channels.mapping.AlipayCodes;
import io.shoudan.channels.mapping.Classified;
import io.shoudan.channels.mapping.RawCodes;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.method.Channel;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PayCommand;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundCommand;
import io.shoudan.payment.TradeRef;
import io.shoudan.reason.ReasonCode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alipay 当面付 (barcode) behind the channel port. The acquirer's Huabei decision becomes
 * {@code disable_pay_channels=pcredit,pcreditpayInstallment}; installments become
 * {@code extend_params.hb_fq_num / hb_fq_seller_percent}. Unknown outcomes follow CHANNELS.md: 10003,
 * 20000, {@code ACQ.SYSTEM_ERROR} and no answer are {@code Pending} (query), never refusals;
 * {@code ACQ.TRADE_HAS_SUCCESS} on a retry is a payment, confirmed by a query that brings the trade_no.
 * Void uses {@code alipay.trade.cancel} (same day, refunds the whole trade, idempotent on retry).
 */
public final class AlipayGateway implements ChannelGateway {

    /** What the acquirer passes when the merchant must not take Huabei (with or without installments). */
    public static final String HUABEI_DISABLED = "pcredit,pcreditpayInstallment";

    private static final RawCode NO_ACCOUNT = new RawCode("NO_ALIPAY_APP");
    private static final RawCode NOT_A_CODE = new RawCode("NOT_A_SCANNED_CODE");

    private final AlipayTransport transport;
    private final AlipayAccounts accounts;
    private final ChannelCalls calls;

    public AlipayGateway(AlipayTransport transport, AlipayAccounts accounts, ChannelCalls calls) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.calls = Objects.requireNonNull(calls, "calls");
        if (calls.channel() != Channel.ALIPAY) {
            throw new IllegalArgumentException("the Alipay gateway needs the Alipay channel's calls, got " + calls.channel());
        }
    }

    @Override
    public Channel channel() {
        return Channel.ALIPAY;
    }

    @Override
    public ChannelAnswer pay(PayCommand command) {
        Optional<AlipayMerchantAccount> account = accounts.of(command.merchant());
        if (account.isEmpty()) {
            return new ChannelAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        if (!(command.instrument() instanceof Instrument.ScannedCode code)) {
            return new ChannelAnswer.Refused(NOT_A_CODE, ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
        }
        if (!calls.admitsPayment()) {
            return new ChannelAnswer.Refused(ChannelCalls.CIRCUIT_OPEN, ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE);
        }
        AlipayPayRequest request = request(account.get(), command, code);
        TransportReply<AlipayPayResponse> sent = transport.pay(request);
        Optional<TransportReply.Answered<AlipayPayResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new ChannelAnswer.Pending(ChannelCalls.unanswered(sent), ChannelCalls.unansweredCause(sent));
        }
        AlipayPayResponse response = reply.get().answer();
        Classified classified = calls.judged(AlipayCodes.classify(response.code(), response.subCode(), !command.huabeiAllowed()),
                reply.get().took());
        return switch (classified.meaning()) {
            case CodeMeaning.Approved approved -> paid(response.tradeNo(), response.fundBillList(), response.userInstallNum(),
                    classified.raw());
            case CodeMeaning.Refusal refusal -> new ChannelAnswer.Refused(classified.raw(), refusal.reason());
            case CodeMeaning.Unknown unknown -> new ChannelAnswer.Pending(classified.raw(), unknown.cause());
            case CodeMeaning.AlreadyPaid already -> confirmAlreadyPaid(
                    new TradeRef(command.payment(), command.merchant(), command.method(), command.amount(), null), classified.raw());
        };
    }

    /** Alipay says a retried trade is paid; the query brings its trade_no and funding. If the query fails, query later. */
    private ChannelAnswer confirmAlreadyPaid(TradeRef trade, RawCode raw) {
        ChannelAnswer found = query(trade);
        return found instanceof ChannelAnswer.Paid ? found : new ChannelAnswer.Pending(raw, PendingCause.SYSTEM_ERROR);
    }

    static AlipayPayRequest request(AlipayMerchantAccount account, PayCommand command, Instrument.ScannedCode code) {
        String hbFqNum = null;
        String hbFqSellerPercent = null;
        if (command.installments().any()) {
            hbFqNum = Integer.toString(command.installments().count());
            hbFqSellerPercent = Integer.toString(command.installments().bearer().sellerPercent());
        }
        return new AlipayPayRequest(account.appId(), command.payment().value(), code.code(), command.amount(),
                "收单消费 " + command.terminal().value(), command.merchant().value(), command.terminal().value(),
                command.huabeiAllowed() ? null : HUABEI_DISABLED, hbFqNum, hbFqSellerPercent);
    }

    @Override
    public ChannelAnswer query(TradeRef trade) {
        Optional<AlipayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            // Without the app we cannot ask; the payment stays unknown for a person, never refused blind.
            return new ChannelAnswer.Pending(NO_ACCOUNT, PendingCause.SYSTEM_ERROR);
        }
        TransportReply<AlipayQueryResponse> sent =
                transport.query(new AlipayTradeRequest(account.get().appId(), trade.payment().value(), tradeNo(trade)));
        Optional<TransportReply.Answered<AlipayQueryResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new ChannelAnswer.Pending(ChannelCalls.unanswered(sent), ChannelCalls.unansweredCause(sent));
        }
        AlipayQueryResponse response = reply.get().answer();
        if (!AlipayCodes.SUCCESS.equals(response.code())) {
            // A failed query proves nothing about the payment: ACQ.TRADE_NOT_EXIST may mean the pay has not
            // arrived yet. Only the channel's health learns from it.
            Classified classified = calls.judged(AlipayCodes.classify(response.code(), response.subCode(), false), reply.get().took());
            PendingCause cause = classified.meaning() instanceof CodeMeaning.Unknown unknown ? unknown.cause() : PendingCause.TIMEOUT;
            return new ChannelAnswer.Pending(classified.raw(), cause);
        }
        calls.answered(reply.get().took());
        String status = String.valueOf(response.tradeStatus());
        RawCode raw = RawCodes.of("10000/" + status);
        return switch (status) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> paid(response.tradeNo(), response.fundBillList(), response.userInstallNum(), raw);
            case "WAIT_BUYER_PAY" -> new ChannelAnswer.Pending(raw, PendingCause.CONSUMER_CONFIRMING);
            // Closed unpaid: the consumer never confirmed, cancelled on the phone, or we cancelled it.
            case "TRADE_CLOSED" -> new ChannelAnswer.Refused(raw, ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
            default -> new ChannelAnswer.Pending(raw, PendingCause.SYSTEM_ERROR);
        };
    }

    @Override
    public CancelAnswer cancel(TradeRef trade) {
        Optional<AlipayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new CancelAnswer.NotCancelled(NO_ACCOUNT);
        }
        TransportReply<AlipayCancelResponse> sent =
                transport.cancel(new AlipayTradeRequest(account.get().appId(), trade.payment().value(), tradeNo(trade)));
        Optional<TransportReply.Answered<AlipayCancelResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new CancelAnswer.NotCancelled(ChannelCalls.unanswered(sent));
        }
        AlipayCancelResponse response = reply.get().answer();
        if (AlipayCodes.SUCCESS.equals(response.code())) {
            calls.answered(reply.get().took());
            return new CancelAnswer.Cancelled(RawCodes.of("10000/action=" + response.action()),
                    "refund".equals(response.action()));
        }
        // retry_flag=Y, a system error, or a refusal (past 24 h): the trade is not cancelled; the service retries
        // and, if it never is, leaves the payment UNKNOWN for a person.
        Classified classified = calls.judged(AlipayCodes.classify(response.code(), response.subCode(), false), reply.get().took());
        return new CancelAnswer.NotCancelled(withRetryFlag(classified.raw(), response.retryFlag()));
    }

    @Override
    public RefundAnswer voidSale(RefundCommand command) {
        TradeRef trade = command.trade();
        Optional<AlipayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new RefundAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        TransportReply<AlipayCancelResponse> sent =
                transport.cancel(new AlipayTradeRequest(account.get().appId(), trade.payment().value(), tradeNo(trade)));
        Optional<TransportReply.Answered<AlipayCancelResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new RefundAnswer.Pending(ChannelCalls.unanswered(sent));
        }
        AlipayCancelResponse response = reply.get().answer();
        if (AlipayCodes.SUCCESS.equals(response.code())) {
            calls.answered(reply.get().took());
            return new RefundAnswer.Refunded(RawCodes.of("10000/action=" + response.action()));
        }
        Classified classified = calls.judged(AlipayCodes.classify(response.code(), response.subCode(), false), reply.get().took());
        if ("Y".equals(response.retryFlag())) {
            return new RefundAnswer.Pending(withRetryFlag(classified.raw(), "Y"));
        }
        return refundAnswer(classified);
    }

    @Override
    public RefundAnswer refund(RefundCommand command) {
        TradeRef trade = command.trade();
        Optional<AlipayMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new RefundAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        AlipayRefundRequest request = new AlipayRefundRequest(account.get().appId(), trade.payment().value(), tradeNo(trade),
                command.amount(), command.refund().value());
        TransportReply<AlipayRefundResponse> sent = transport.refund(request);
        Optional<TransportReply.Answered<AlipayRefundResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new RefundAnswer.Pending(ChannelCalls.unanswered(sent));
        }
        AlipayRefundResponse response = reply.get().answer();
        Classified classified = calls.judged(AlipayCodes.classify(response.code(), response.subCode(), false), reply.get().took());
        if (classified.meaning() instanceof CodeMeaning.Approved) {
            return new RefundAnswer.Refunded(RawCodes.of(classified.raw().value() + "/fund_change=" + response.fundChange()));
        }
        return refundAnswer(classified);
    }

    private static RefundAnswer refundAnswer(Classified classified) {
        return switch (classified.meaning()) {
            case CodeMeaning.Refusal refusal -> new RefundAnswer.Refused(classified.raw(), refusal.reason());
            // Approved cannot reach here; AlreadyPaid is a pay-only code: neither proves the refund, retry it.
            case CodeMeaning.Approved approved -> new RefundAnswer.Pending(classified.raw());
            case CodeMeaning.AlreadyPaid already -> new RefundAnswer.Pending(classified.raw());
            case CodeMeaning.Unknown unknown -> new RefundAnswer.Pending(classified.raw());
        };
    }

    private static ChannelAnswer paid(String tradeNo, List<AlipayFundBill> bills, Integer userInstallNum, RawCode raw) {
        if (tradeNo == null || !tradeNo.matches("[A-Za-z0-9_.-]{1,64}")) {
            // "Success" without a usable trade number cannot be booked; a query will bring it.
            return new ChannelAnswer.Pending(RawCodes.of(raw.value() + "/NO_TRADE_NO"), PendingCause.SYSTEM_ERROR);
        }
        return new ChannelAnswer.Paid(new ChannelTradeNo(tradeNo), fundingSource(bills, userInstallNum), raw);
    }

    /** The instrument that paid the most; Alipay lists one entry per instrument. */
    static FundingSource fundingSource(List<AlipayFundBill> bills, Integer userInstallNum) {
        AlipayFundBill main = null;
        for (AlipayFundBill bill : bills) {
            if (main == null || (bill.amount() != null && main.amount() != null && bill.amount().isGreaterThan(main.amount()))) {
                main = bill;
            }
        }
        if (main == null || main.fundChannel() == null) {
            return FundingSource.UNREPORTED;
        }
        return switch (main.fundChannel()) {
            case "PCREDIT" -> userInstallNum != null && userInstallNum > 0 ? FundingSource.HUABEI_INSTALLMENT : FundingSource.HUABEI;
            case "ALIPAYACCOUNT", "FINANCEACCOUNT" -> FundingSource.WALLET_BALANCE;
            case "BANKCARD" -> "CREDIT_CARD".equals(main.fundType()) ? FundingSource.CREDIT_CARD
                    : "DEBIT_CARD".equals(main.fundType()) ? FundingSource.DEBIT_CARD : FundingSource.OTHER;
            default -> FundingSource.OTHER;
        };
    }

    private static String tradeNo(TradeRef trade) {
        return trade.channelTradeNo() == null ? null : trade.channelTradeNo().value();
    }

    private static RawCode withRetryFlag(RawCode raw, String retryFlag) {
        return retryFlag == null ? raw : RawCodes.of(raw.value() + "/retry_flag=" + retryFlag);
    }
}
