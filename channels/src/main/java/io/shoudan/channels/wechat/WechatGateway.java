package io.shoudan.channels.wechat;

import io.shoudan.channels.ChannelCalls;
import io.shoudan.channels.TransportReply;
import io.shoudan.channels.mapping.Classified;
import io.shoudan.channels.mapping.RawCodes;
import io.shoudan.channels.mapping.CodeMeaning;
import io.shoudan.channels.mapping.WechatCodes;
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

import java.util.Objects;
import java.util.Optional;

/**
 * WeChat Pay micropay (付款码, API v2) behind the channel port. {@code USERPAYING}, {@code SYSTEMERROR},
 * {@code BANKERROR}, {@code return_code=FAIL} and no answer are {@code Pending} (query, then
 * {@code reverse}); {@code ORDERPAID} on a retry is a payment confirmed by {@code orderquery}. Void and
 * refund both use {@code refund} with our refund id as {@code out_refund_no}, which WeChat de-duplicates.
 */
public final class WechatGateway implements ChannelGateway {

    private static final RawCode NO_ACCOUNT = new RawCode("NO_WECHAT_MCH_ID");
    private static final RawCode NOT_A_CODE = new RawCode("NOT_A_SCANNED_CODE");

    private final WechatTransport transport;
    private final WechatAccounts accounts;
    private final ChannelCalls calls;

    public WechatGateway(WechatTransport transport, WechatAccounts accounts, ChannelCalls calls) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.calls = Objects.requireNonNull(calls, "calls");
        if (calls.channel() != Channel.WECHAT) {
            throw new IllegalArgumentException("the WeChat gateway needs the WeChat channel's calls, got " + calls.channel());
        }
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public ChannelAnswer pay(PayCommand command) {
        Optional<WechatMerchantAccount> account = accounts.of(command.merchant());
        if (account.isEmpty()) {
            return new ChannelAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        if (!(command.instrument() instanceof Instrument.ScannedCode code)) {
            return new ChannelAnswer.Refused(NOT_A_CODE, ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
        }
        if (!calls.admitsPayment()) {
            return new ChannelAnswer.Refused(ChannelCalls.CIRCUIT_OPEN, ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE);
        }
        MicropayRequest request = new MicropayRequest(account.get().appid(), account.get().mchId(), command.terminal().value(),
                "收单消费", command.payment().value(), command.amount(), code.code(), null);
        TransportReply<MicropayResponse> sent = transport.micropay(request);
        Optional<TransportReply.Answered<MicropayResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new ChannelAnswer.Pending(ChannelCalls.unanswered(sent), ChannelCalls.unansweredCause(sent));
        }
        MicropayResponse response = reply.get().answer();
        Classified classified = calls.judged(WechatCodes.classify(response.returnCode(), response.resultCode(), response.errCode()),
                reply.get().took());
        return switch (classified.meaning()) {
            case CodeMeaning.Approved approved -> paid(response.transactionId(), response.bankType(), classified.raw());
            case CodeMeaning.Refusal refusal -> new ChannelAnswer.Refused(classified.raw(), refusal.reason());
            case CodeMeaning.Unknown unknown -> new ChannelAnswer.Pending(classified.raw(), unknown.cause());
            case CodeMeaning.AlreadyPaid already -> {
                ChannelAnswer found = query(new TradeRef(command.payment(), command.merchant(), command.method(), command.amount(), null));
                yield found instanceof ChannelAnswer.Paid ? found : new ChannelAnswer.Pending(classified.raw(), PendingCause.SYSTEM_ERROR);
            }
        };
    }

    @Override
    public ChannelAnswer query(TradeRef trade) {
        Optional<WechatMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new ChannelAnswer.Pending(NO_ACCOUNT, PendingCause.SYSTEM_ERROR);
        }
        TransportReply<OrderQueryResponse> sent = transport.orderQuery(order(account.get(), trade));
        Optional<TransportReply.Answered<OrderQueryResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new ChannelAnswer.Pending(ChannelCalls.unanswered(sent), ChannelCalls.unansweredCause(sent));
        }
        OrderQueryResponse response = reply.get().answer();
        if (!WechatCodes.SUCCESS.equals(response.returnCode()) || !WechatCodes.SUCCESS.equals(response.resultCode())) {
            // ORDERNOTEXIST may mean the micropay has not arrived yet; a failed query proves nothing.
            Classified classified = calls.judged(WechatCodes.classify(response.returnCode(), response.resultCode(), response.errCode()),
                    reply.get().took());
            PendingCause cause = classified.meaning() instanceof CodeMeaning.Unknown unknown ? unknown.cause() : PendingCause.TIMEOUT;
            return new ChannelAnswer.Pending(classified.raw(), cause);
        }
        calls.answered(reply.get().took());
        String state = String.valueOf(response.tradeState());
        RawCode raw = RawCodes.of("trade_state=" + state);
        return switch (state) {
            case "SUCCESS", "REFUND" -> paid(response.transactionId(), response.bankType(), raw);
            case "USERPAYING" -> new ChannelAnswer.Pending(raw, PendingCause.CONSUMER_CONFIRMING);
            // NOTPAY: created by a SYSTEMERROR before processing, or not decided yet — keep querying, then reverse.
            case "NOTPAY" -> new ChannelAnswer.Pending(raw, PendingCause.SYSTEM_ERROR);
            case "CLOSED", "REVOKED", "PAYERROR" -> new ChannelAnswer.Refused(raw, ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
            default -> new ChannelAnswer.Pending(raw, PendingCause.SYSTEM_ERROR);
        };
    }

    @Override
    public CancelAnswer cancel(TradeRef trade) {
        Optional<WechatMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new CancelAnswer.NotCancelled(NO_ACCOUNT);
        }
        TransportReply<ReverseResponse> sent = transport.reverse(order(account.get(), trade));
        Optional<TransportReply.Answered<ReverseResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new CancelAnswer.NotCancelled(ChannelCalls.unanswered(sent));
        }
        ReverseResponse response = reply.get().answer();
        Classified classified = calls.judged(WechatCodes.classify(response.returnCode(), response.resultCode(), response.errCode()),
                reply.get().took());
        if (classified.meaning() instanceof CodeMeaning.Approved) {
            // WeChat does not say whether reverse gave money back; the service books nothing for an unknown sale either way.
            return new CancelAnswer.Cancelled(new RawCode("reverse=SUCCESS"), false);
        }
        String recall = response.recall() == null ? "" : "/recall=" + response.recall();
        return new CancelAnswer.NotCancelled(RawCodes.of(classified.raw().value() + recall));
    }

    @Override
    public RefundAnswer voidSale(RefundCommand command) {
        return refund(command);
    }

    @Override
    public RefundAnswer refund(RefundCommand command) {
        TradeRef trade = command.trade();
        Optional<WechatMerchantAccount> account = accounts.of(trade.merchant());
        if (account.isEmpty()) {
            return new RefundAnswer.Refused(NO_ACCOUNT, ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED);
        }
        WechatRefundRequest request = new WechatRefundRequest(account.get().appid(), account.get().mchId(), trade.payment().value(),
                trade.channelTradeNo() == null ? null : trade.channelTradeNo().value(), command.refund().value(), trade.amount(),
                command.amount());
        TransportReply<WechatRefundResponse> sent = transport.refund(request);
        Optional<TransportReply.Answered<WechatRefundResponse>> reply = calls.arrived(sent);
        if (reply.isEmpty()) {
            return new RefundAnswer.Pending(ChannelCalls.unanswered(sent));
        }
        WechatRefundResponse response = reply.get().answer();
        Classified classified = calls.judged(WechatCodes.classify(response.returnCode(), response.resultCode(), response.errCode()),
                reply.get().took());
        return switch (classified.meaning()) {
            case CodeMeaning.Approved approved -> new RefundAnswer.Refunded(classified.raw());
            case CodeMeaning.Refusal refusal -> new RefundAnswer.Refused(classified.raw(), refusal.reason());
            case CodeMeaning.Unknown unknown -> new RefundAnswer.Pending(classified.raw());
            case CodeMeaning.AlreadyPaid already -> new RefundAnswer.Pending(classified.raw());
        };
    }

    private static OrderRequest order(WechatMerchantAccount account, TradeRef trade) {
        return new OrderRequest(account.appid(), account.mchId(), trade.payment().value(),
                trade.channelTradeNo() == null ? null : trade.channelTradeNo().value());
    }

    private static ChannelAnswer paid(String transactionId, String bankType, RawCode raw) {
        if (transactionId == null || !transactionId.matches("[A-Za-z0-9_.-]{1,64}")) {
            return new ChannelAnswer.Pending(RawCodes.of(raw.value() + "/NO_TRANSACTION_ID"), PendingCause.SYSTEM_ERROR);
        }
        return new ChannelAnswer.Paid(new ChannelTradeNo(transactionId), fundingSource(bankType), raw);
    }

    static FundingSource fundingSource(String bankType) {
        if (bankType == null || bankType.isBlank()) {
            return FundingSource.UNREPORTED;
        }
        if (bankType.equals("OTHERS") || bankType.equals("LQT")) {
            return FundingSource.WALLET_BALANCE;
        }
        if (bankType.endsWith("_DEBIT")) {
            return FundingSource.DEBIT_CARD;
        }
        if (bankType.endsWith("_CREDIT")) {
            return FundingSource.CREDIT_CARD;
        }
        return FundingSource.OTHER;
    }
}
