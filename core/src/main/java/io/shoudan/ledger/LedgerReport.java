package io.shoudan.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link LedgerCheck} verified and what it found, as values and as lines a person reads.
 *
 * @param findings one per invariant, in the order checked
 */
public record LedgerReport(int journals, int postings, int accounts, List<Finding> findings, List<MerchantBalance> merchants) {

    public LedgerReport {
        findings = List.copyOf(findings);
        merchants = List.copyOf(merchants);
    }

    /** One invariant: whether it held, and on how many items or the first violations. */
    public record Finding(String invariant, boolean held, String detail) {
    }

    public boolean passed() {
        return findings.stream().allMatch(Finding::held);
    }

    public List<Finding> violations() {
        return findings.stream().filter(finding -> !finding.held()).toList();
    }

    /** The report as text, English with the Chinese terms, one line per fact. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Ledger check 账务核对: " + (passed() ? "PASSED 通过" : "FAILED 未通过"));
        lines.add("  checked " + journals + " journals 分录, " + postings + " postings 记账行, " + accounts + " accounts 账户");
        for (Finding finding : findings) {
            lines.add("  " + (finding.held() ? "ok   " : "FAIL ") + finding.invariant() + " — " + finding.detail());
        }
        for (MerchantBalance merchant : merchants) {
            lines.add("  merchant 商户 " + merchant.merchant() + ": payable 应付 " + merchant.payable()
                    + " = sales 交易 " + merchant.sales() + " − returned 退款 " + merchant.returned()
                    + " − fees 手续费 " + merchant.fees()
                    + (merchant.expected() == null ? "" : " (payments say 交易记录 " + merchant.expected() + ")"));
        }
        return lines;
    }
}
