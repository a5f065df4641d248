package io.shoudan.merchant;

/** The legal form of a merchant, which decides products and regulatory limits. */
public enum MerchantType {
    /** 小微商户: a person without a business licence. */
    INDIVIDUAL,
    /** 个体工商户: an individual business with a licence. */
    INDIVIDUAL_BUSINESS,
    /** 企业: a company. */
    ENTERPRISE
}
