package io.shoudan.server.explain;

import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.reason.Evidence;
import io.shoudan.reason.Lang;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonTexts;
import io.shoudan.server.scenario.VerdictText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a past payment ended as it did: the verdict stored when the gate declined it, or the
 * channel's raw answer and the reason it was mapped to; for a reversed payment, the answer that
 * started the recovery and then the cancel or reversal that ended it. {@code diagnose --payment ID} prints it.
 *
 * @param recovery present for a REVERSED payment whose history shows how it got there
 */
public record PaymentExplanation(Payment payment, List<Reason> reasons, Optional<Recovery> recovery) {

    /** The reasons a stored payment carries, each with the facts we kept (raw channel code included). */
    public static PaymentExplanation of(Payment payment) {
        List<Reason> reasons = new ArrayList<>(payment.verdict());
        Optional<Recovery> recovery = Recovery.of(payment);
        if (payment.failure() != null && payment.state() != PaymentState.DECLINED) {
            // a reversal's own code is the cancel's answer; the reason is about what started the recovery
            Evidence evidence = recovery.isPresent()
                    ? Evidence.of("channel", payment.request().method().channel(), "rawCode", recovery.get().startedBy().value(),
                            "outcome", payment.state().name())
                    : Evidence.of("channel", payment.request().method().channel(), "rawCode", payment.failure().raw().value());
            reasons.add(new Reason(payment.failure().reason(), evidence));
        }
        return new PaymentExplanation(payment, reasons, recovery);
    }

    /** A report a support engineer can paste to a merchant. */
    public String text(Lang lang) {
        boolean zh = lang == Lang.ZH;
        StringBuilder out = new StringBuilder();
        out.append(zh ? "交易 " : "Payment ").append(payment.id()).append(zh ? "（请求号 " : " (request ")
                .append(payment.request().request()).append(zh ? "）\n" : ")\n");
        out.append(zh ? "商户：" : "Merchant: ").append(payment.merchant()).append(zh ? "  终端：" : "  Terminal: ")
                .append(payment.request().terminal()).append('\n');
        out.append(zh ? "方式：" : "Method: ").append(ReasonTexts.label(payment.request().method().name(), lang))
                .append(zh ? "  金额：" : "  Amount: ").append(payment.amount()).append(zh ? " 元" : " CNY");
        if (payment.request().installments().any()) {
            out.append(zh ? "，分 " : ", ").append(payment.request().installments().count()).append(zh ? " 期" : " installments");
        }
        out.append('\n');
        out.append(zh ? "状态：" : "State: ").append(payment.state()).append(zh ? "  时间：" : "  At: ").append(payment.createdAt().atZone(PaymentService.BUSINESS_ZONE).toOffsetDateTime()).append('\n');
        if (recovery.isPresent()) {
            recovery.get().appendTo(out, lang);
            out.append(zh ? "映射为 " : "Mapped to ").append(payment.failure().reason().code()).append('\n');
        } else if (payment.failure() != null && payment.state() != PaymentState.DECLINED) {
            out.append(zh ? "通道原始应答码：" : "Channel's raw code: ").append(payment.failure().raw())
                    .append(zh ? " → 映射为 " : " → mapped to ").append(payment.failure().reason().code()).append('\n');
        }
        if (reasons.isEmpty()) {
            out.append(zh ? "没有拒绝原因：" : "No refusal: ").append(describe(payment.state(), zh)).append('\n');
        }
        int number = 0;
        for (Reason reason : reasons) {
            VerdictText.appendReason(out, ++number, reason, lang);
        }
        return out.toString();
    }

    private static String describe(PaymentState state, boolean zh) {
        return switch (state) {
            case SUCCEEDED -> zh ? "交易成功。" : "the payment succeeded.";
            case PARTIALLY_REFUNDED -> zh ? "交易成功，已部分退款。" : "the payment succeeded and was partly refunded.";
            case REFUNDED -> zh ? "交易成功，已全额退款。" : "the payment succeeded and was fully refunded.";
            case VOIDED -> zh ? "交易成功后已撤销。" : "the payment succeeded and was voided.";
            case CREATED, PROCESSING, UNKNOWN -> zh ? "结果尚未确定，平台正在查询。" : "the outcome is not known yet; the platform is querying it.";
            default -> zh ? "见上。" : "see above.";
        };
    }
}
