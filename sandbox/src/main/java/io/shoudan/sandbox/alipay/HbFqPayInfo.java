package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;

/**
 * Huabei installment facts of a trade. Alipay reports {@code hb_fq_pay_info.user_install_num}; the
 * sandbox adds the fee and who bears it so that Shoudan's fee code can be checked against it
 * (sandbox extension, marked as such in docs/SANDBOX.md).
 */
public record HbFqPayInfo(int userInstallNum, int hbFqSellerPercent, Money installmentFee) {
}
