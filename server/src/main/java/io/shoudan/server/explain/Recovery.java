package io.shoudan.server.explain;

import io.shoudan.channels.ChannelCalls;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.Transition;
import io.shoudan.reason.Lang;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a reversed payment got there, read from its stored history: the answer that left the outcome unknown
 * (a timeout, a system error, a restart) started the recovery, and the channel's answer to the cancel or
 * reversal ended it. The payment's {@code failure} keeps only the last of the two, so an explanation built
 * from it alone would show the cancel's success code as if it were the timeout's.
 *
 * @param startedBy     the raw code stored with the move to UNKNOWN
 * @param endedBy       the cancel's / reversal's raw code, stored with the move to REVERSED
 * @param moneyReturned the channel had taken the money and gave it back
 */
public record Recovery(RawCode startedBy, Instant startedAt, RawCode endedBy, Instant endedAt, boolean moneyReturned) {

    public Recovery {
        if (startedBy == null || startedAt == null || endedBy == null || endedAt == null) {
            throw new IllegalArgumentException("a recovery needs the codes and times that started and ended it");
        }
    }

    /** The recovery of a REVERSED payment; empty for any other state or a history without the move to UNKNOWN. */
    public static Optional<Recovery> of(Payment payment) {
        if (payment.state() != PaymentState.REVERSED) {
            return Optional.empty();
        }
        Optional<Transition> start = last(payment.history(), PaymentState.UNKNOWN);
        Optional<Transition> end = last(payment.history(), PaymentState.REVERSED);
        if (start.isEmpty() || start.get().raw() == null || end.isEmpty()) {
            return Optional.empty();
        }
        RawCode ended = end.get().raw() != null ? end.get().raw() : payment.failure().raw();
        return Optional.of(new Recovery(start.get().raw(), start.get().at(), ended, end.get().at(),
                payment.reversalReturnedMoney()));
    }

    private static Optional<Transition> last(List<Transition> history, PaymentState to) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == to) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * What the starting code means, for a person. The codes the platform writes itself are told in words:
     * {@code TIMEOUT} (no answer in time, {@link ChannelCalls#TIMEOUT}), and {@code RECOVERY} / {@code TERMINAL_REVERSAL},
     * which {@code PaymentService} stores when its recovery or a terminal's 0400 finds a payment still PROCESSING.
     */
    public String cause(Lang lang) {
        boolean zh = lang == Lang.ZH;
        if (startedBy.equals(ChannelCalls.TIMEOUT)) {
            return zh ? "通道未在规定时间内应答，应答丢失" : "the channel's answer did not come in time and was lost";
        }
        return switch (startedBy.value()) {
            case "RECOVERY" -> zh ? "平台恢复任务发现交易仍在处理中、没有应答（发出它的节点已停止）"
                    : "the platform's recovery found it still in progress with no answer (the node that sent it had stopped)";
            case "TERMINAL_REVERSAL" -> zh ? "终端在结果未知时发起冲正" : "the terminal sent a reversal while the outcome was unknown";
            default -> zh ? "通道应答未给出结果（系统错误或顾客仍在确认）"
                    : "the channel's answer left the outcome unknown (a system error, or the customer still confirming)";
        };
    }

    /** Two lines: what started the recovery, then what ended it, each with its raw code and China time. */
    public void appendTo(StringBuilder out, Lang lang) {
        boolean zh = lang == Lang.ZH;
        out.append(zh ? "起因：" : "Started by: ").append(startedBy).append(zh ? "（" : " (").append(cause(lang))
                .append(zh ? "），" : "), ").append(chinaTime(startedAt)).append('\n');
        out.append(zh ? "结束：撤销/冲正应答 " : "Ended by: the cancel / reversal, answered ").append(endedBy)
                .append(zh ? "（" : " (")
                .append(moneyReturned ? (zh ? "通道已扣的款项已退回" : "the money the channel had taken was given back")
                        : (zh ? "交易已关闭，款项不会留在商户" : "the trade was closed; no money stays with the merchant"))
                .append(zh ? "），" : "), ").append(chinaTime(endedAt)).append('\n');
    }

    private static String chinaTime(Instant at) {
        return at.atZone(PaymentService.BUSINESS_ZONE).toOffsetDateTime().toString();
    }
}
