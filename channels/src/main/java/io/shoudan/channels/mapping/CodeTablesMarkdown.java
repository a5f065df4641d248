package io.shoudan.channels.mapping;

import io.shoudan.reason.ReasonCode;

import java.util.List;

/**
 * The mapping tables as the markdown of docs/CHANNELS.md, so that the document is the data (a test
 * checks that the document contains exactly this).
 */
public final class CodeTablesMarkdown {

    private CodeTablesMarkdown() {
    }

    public static String render() {
        StringBuilder out = new StringBuilder();
        table(out, "Alipay `sub_code` (with `code` 40004 unless noted)", AlipayCodes.SUB_CODES);
        table(out, "WeChat Pay `err_code` (with `result_code=FAIL`)", WechatCodes.ERR_CODES);
        table(out, "UnionPay ISO 8583 field 39", Field39Codes.CODES);
        return out.toString();
    }

    private static void table(StringBuilder out, String title, CodeTable table) {
        out.append("### ").append(title).append("\n\n");
        out.append("| ").append(table.field()).append(" | 含义 | meaning | Shoudan |\n");
        out.append("|---|---|---|---|\n");
        List<CodeRow> rows = table.rows();
        for (CodeRow row : rows) {
            out.append("| `").append(row.rawCode()).append("` | ").append(row.textZh()).append(" | ").append(row.textEn()).append(" | ")
                    .append(describe(row.meaning()));
            if (row.meaningWhenHuabeiDisabled() != null) {
                out.append("; when we disabled Huabei: ").append(describe(row.meaningWhenHuabeiDisabled()));
            }
            out.append(" |\n");
        }
        out.append('\n');
    }

    static String describe(CodeMeaning meaning) {
        return switch (meaning) {
            case CodeMeaning.Approved approved -> "paid";
            case CodeMeaning.AlreadyPaid already -> "paid (query for the trade number)";
            case CodeMeaning.Unknown unknown -> "pending, query (" + unknown.cause() + ")";
            case CodeMeaning.Refusal refusal -> "`" + refusal.reason().code() + "`";
        };
    }

}
