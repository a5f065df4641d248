package io.shoudan.server.scenario;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Verdict;
import io.shoudan.method.PaymentMethod;
import io.shoudan.reason.Lang;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonTexts;

/**
 * The verdict as a report a support engineer can paste to a merchant: one block per reason with
 * what is wrong, who acts, what to do, and the methods that work instead.
 */
public final class VerdictText {

    /** One numbered block per reason: what is wrong, its code, who acts and when to retry, what to do. */
    public static void appendReason(StringBuilder out, int number, Reason reason, Lang lang) {
        boolean zh = lang == Lang.ZH;
        out.append('\n').append(number).append(". ")
                .append(reason.blocking() ? "" : (zh ? "【提示】" : "[warning] "))
                .append(ReasonTexts.message(reason, lang)).append('\n');
        out.append(zh ? "   代码：" : "   Code: ").append(reason.code().code()).append('\n');
        out.append(zh ? "   由谁处理：" : "   Who acts: ")
                .append(ReasonTexts.label("actor:" + reason.code().actor().name(), lang))
                .append(zh ? "；" : "; ").append(ReasonTexts.label("retry:" + reason.code().retry().name(), lang))
                .append('\n');
        out.append(zh ? "   怎么办：" : "   What to do: ").append(ReasonTexts.remedy(reason, lang)).append('\n');
    }

    public String write(Verdict verdict, PaymentIntent intent, String scenario, Lang lang) {
        boolean zh = lang == Lang.ZH;
        StringBuilder out = new StringBuilder(1024);
        if (scenario != null) {
            out.append(zh ? "场景：" : "Scenario: ").append(scenario).append('\n');
        }
        String method = ReasonTexts.label(verdict.method().name(), lang);
        String channel = ReasonTexts.label(verdict.channel().name(), lang);
        out.append(zh ? "支付方式：" : "Method: ").append(method).append(zh ? "（" : " (").append(channel)
                .append(zh ? "通道）" : " channel)").append('\n');
        out.append(zh ? "金额：" : "Amount: ").append(intent.amount()).append(zh ? " 元" : " CNY");
        if (intent.installments() > 0) {
            out.append(zh ? "，分 " + intent.installments() + " 期" : ", " + intent.installments() + " installments");
        }
        out.append('\n');
        long blocking = verdict.reasons().stream().filter(Reason::blocking).count();
        if (verdict.supported()) {
            out.append(zh ? "结论：支持，可以收款。" : "Verdict: supported, the payment can be taken.");
        } else {
            out.append(zh ? "结论：不支持，共 " + blocking + " 个原因。" : "Verdict: NOT supported, " + blocking
                    + (blocking == 1 ? " reason." : " reasons."));
        }
        out.append('\n');
        int number = 0;
        for (Reason reason : verdict.reasons()) {
            appendReason(out, ++number, reason, lang);
        }
        out.append('\n');
        if (verdict.alternatives().isEmpty()) {
            out.append(zh ? "现在没有其他可用的支付方式。" : "No other method would work right now.");
        } else {
            out.append(zh ? "现在可以改用：" : "Methods that work now: ");
            for (int i = 0; i < verdict.alternatives().size(); i++) {
                PaymentMethod alternative = verdict.alternatives().get(i);
                out.append(i == 0 ? "" : (zh ? "、" : ", ")).append(ReasonTexts.label(alternative.name(), lang));
            }
            out.append(zh ? "。" : ".");
        }
        return out.append('\n').toString();
    }
}
