package io.shoudan.reason;

import java.util.HashMap;
import java.util.Map;

/**
 * Names a person reads for the values that appear in evidence: methods, products, statuses,
 * merchant types, MCCs and why they are restricted (region names are
 * {@link io.shoudan.merchant.RegionNames}). Keys are the value itself or
 * {@code namespace:value}. A label may name evidence keys in braces; they are filled in too.
 */
final class Labels {

    private static final Map<String, Text> LABELS = build();

    private Labels() {
    }

    /** The label of {@code key}, or {@code null} when there is none. */
    static Text of(String key) {
        return LABELS.get(key);
    }

    private static Map<String, Text> build() {
        Map<String, Text> m = new HashMap<>();
        // methods, channels, products
        put(m, "ALIPAY", "支付宝", "Alipay");
        put(m, "HUABEI", "花呗", "Huabei");
        put(m, "HUABEI_INSTALLMENT", "花呗分期", "Huabei installments");
        put(m, "WECHAT_PAY", "微信支付", "WeChat Pay");
        put(m, "WECHAT", "微信支付", "WeChat Pay");
        put(m, "UNIONPAY", "银联", "UnionPay");
        put(m, "UNIONPAY_QR", "银联二维码（云闪付）", "UnionPay QR");
        put(m, "UNIONPAY_DEBIT", "银联借记卡", "UnionPay debit card");
        put(m, "UNIONPAY_CREDIT", "银联信用卡", "UnionPay credit card");
        put(m, "UNIONPAY_CARD", "银联刷卡受理", "UnionPay card acceptance");
        put(m, "PLATFORM", "收单平台", "the acquiring platform");
        // merchant types
        put(m, "INDIVIDUAL", "小微商户（无营业执照）", "individual merchants without a business licence");
        put(m, "INDIVIDUAL_BUSINESS", "个体工商户", "individual businesses");
        put(m, "ENTERPRISE", "企业商户", "enterprises");
        // statuses
        put(m, "NOT_SIGNED", "未签约", "not signed");
        put(m, "PENDING", "审核中", "pending approval");
        put(m, "ACTIVE", "正常", "active");
        put(m, "REJECTED", "已驳回", "rejected");
        put(m, "SUSPENDED", "已暂停", "suspended");
        put(m, "PENDING_REVIEW", "资质审核中", "under review");
        put(m, "CLOSED", "已关闭", "closed");
        put(m, "NOT_ACTIVATED", "未激活", "not activated");
        put(m, "LOCKED", "已锁定", "locked");
        put(m, "RETIRED", "已停用", "retired");
        put(m, "UPDATING", "固件更新中", "updating its firmware");
        put(m, "FROZEN", "已冻结", "frozen");
        put(m, "RISK_CONTROLLED", "被风控限制", "restricted by risk control");
        put(m, "OVERDUE", "已逾期", "overdue");
        put(m, "OPEN", "正常", "open");
        put(m, "NORMAL", "正常", "normal");
        put(m, "DOWN", "不可用", "down");
        put(m, "DEGRADED", "不稳定", "degraded");
        put(m, "UP", "正常", "up");
        // capabilities
        put(m, "SCANNER", "扫码头", "barcode scanner");
        put(m, "NFC", "非接读卡器（NFC）", "contactless (NFC) reader");
        put(m, "CHIP", "IC 卡读卡器", "chip reader");
        put(m, "MAGSTRIPE", "磁条读卡器", "magnetic-stripe reader");
        put(m, "PRINTER", "打印机", "printer");
        put(m, "PINPAD", "密码键盘", "PIN pad");
        // limits, amounts, installments, codes
        put(m, "period:DAILY", "当日", "daily");
        put(m, "period:MONTHLY", "当月", "monthly");
        put(m, "reset:DAILY", "次日 0 点", "tomorrow");
        put(m, "reset:MONTHLY", "下月 1 日", "the first day of next month");
        put(m, "bound:MIN", "低于{method~}单笔最低金额 {limit} 元", "is below the {method~} minimum per payment of {limit} CNY");
        put(m, "bound:MAX", "高于{method~}单笔最高金额 {limit} 元", "is above the {method~} maximum per payment of {limit} CNY");
        put(m, "problem:METHOD", "只有花呗支持分期，{method~}不支持", "only Huabei offers installments, {method~} does not");
        put(m, "problem:COUNT", "{installments} 期不在可选期数 {allowedCounts} 之内",
                "{installments} installments is not one of the offered counts {allowedCounts}");
        put(m, "problem:AMOUNT", "金额 {amount} 元低于分期最低金额 {minAmount} 元",
                "{amount} CNY is below the installment minimum of {minAmount} CNY");
        put(m, "source:HUABEI", "花呗可用额度", "available Huabei credit");
        put(m, "source:BALANCE", "账户余额", "balance");
        put(m, "code:ALIPAY", "支付宝付款码", "an Alipay payment code");
        put(m, "code:WECHAT", "微信付款码", "a WeChat Pay payment code");
        put(m, "code:UNIONPAY", "银联（云闪付）付款码", "a UnionPay QR payment code");
        put(m, "code:CARD", "银行卡（插卡、挥卡或刷卡）", "a bank card (insert, tap or swipe)");
        put(m, "code:UNKNOWN", "无法识别的码", "an unrecognised code");
        put(m, "actor:ACQUIRER", "收单机构", "the acquirer");
        put(m, "actor:MERCHANT", "商户", "the merchant");
        put(m, "actor:CASHIER", "收银员", "the cashier");
        put(m, "actor:CONSUMER", "顾客", "the customer");
        put(m, "actor:CHANNEL", "支付通道（支付宝、微信支付、银联）", "the payment channel (Alipay, WeChat Pay, UnionPay)");
        put(m, "retry:NOW", "可以立即重试", "can be retried at once");
        put(m, "retry:LATER", "过一段时间后再试", "retry after the time window passes");
        put(m, "retry:AFTER_FIX", "处理好之后再试", "retry once it is fixed");
        put(m, "retry:NEVER", "重试不会成功", "retrying will not help");
        // application fields a reviewer names (WeChat Pay 特约商户进件, Alipay 直付通), and an empty list of them
        put(m, "rejection:NONE", "审核方未列明驳回项目", "the reviewer listed no field");
        put(m, "field:NONE", "驳回所涉资料（请先向收单机构索取驳回详情）",
                "application as the rejection requires (ask the acquirer for its details first)");
        put(m, "field:shop_photo", "门头照片", "storefront photo");
        put(m, "field:indoor_photo", "店内环境照片", "photo of the shop's interior");
        put(m, "field:settle_account", "结算账户", "settlement account");
        put(m, "field:business_license", "营业执照", "business licence");
        put(m, "field:id_card", "法人身份证件", "legal person's ID card");
        put(m, "field:contact_info", "联系人信息", "contact details");
        put(m, "field:business_scene", "经营场景", "business scene");
        put(m, "field:qualifications", "特殊行业资质", "industry qualifications");
        // evidence keys, for reasons told by their title and facts
        // payment requests and states (payment refusals)
        put(m, "operation:SALE", "消费", "sale");
        put(m, "operation:VOID", "撤销", "void");
        put(m, "operation:REFUND", "退货", "refund");
        put(m, "operation:REVERSAL", "冲正", "reversal");
        put(m, "state:CREATED", "已创建", "created");
        put(m, "state:PROCESSING", "处理中", "processing");
        put(m, "state:UNKNOWN", "结果未知", "of unknown outcome");
        put(m, "state:SUCCEEDED", "成功", "successful");
        put(m, "state:FAILED", "失败", "failed");
        put(m, "state:DECLINED", "被拒绝", "declined");
        put(m, "state:REVERSED", "已冲正", "reversed");
        put(m, "state:VOIDED", "已撤销", "voided");
        put(m, "state:PARTIALLY_REFUNDED", "部分退货", "partly refunded");
        put(m, "state:REFUNDED", "已全额退货", "fully refunded");
        put(m, "field:operation", "交易类型", "transaction type");
        put(m, "field:original", "原交易", "original payment");
        put(m, "field:amount", "金额", "amount");
        put(m, "field:merchant", "商户", "merchant");
        put(m, "field:terminal", "终端", "terminal");
        put(m, "field:request", "请求号", "request id");
        put(m, "field:method", "支付方式", "method");
        put(m, "field:installments", "分期期数", "installments");
        put(m, "field:installmentFeeBearer", "分期手续费承担方", "installment fee bearer");
        put(m, "key:terminal", "终端", "terminal");
        put(m, "key:merchant", "商户", "merchant");
        put(m, "key:boundTo", "绑定商户", "bound to");
        put(m, "key:channel", "通道", "channel");
        put(m, "key:rawCode", "应答码", "channel code");
        put(m, "key:method", "方式", "method");
        put(m, "key:product", "产品", "product");
        put(m, "key:status", "状态", "status");
        put(m, "key:amount", "金额", "amount");
        put(m, "key:code", "扫到的码", "code scanned");
        put(m, "key:outcome", "结果", "outcome");
        put(m, "key:expiredAt", "过期时间", "expired at");
        put(m, "key:original", "原交易", "original");
        put(m, "key:payment", "交易", "payment");
        put(m, "key:state", "交易状态", "state");
        put(m, "key:operation", "交易类型", "operation");
        put(m, "key:request", "请求号", "request id");
        mcc(m);
        return Map.copyOf(m);
    }

    private static void mcc(Map<String, Text> m) {
        String cashOut = "why:cash-out";
        put(m, cashOut, "该类商品价值高、易变现，用信用支付有套现风险",
                "its goods are valuable and easy to resell, so credit payments there carry cash-out risk");
        put(m, "why:quasi-cash", "属于现金或准现金业务，信用资金不得用于取现",
                "it is cash or quasi-cash business, and credit must not be turned into cash");
        put(m, "why:investment", "信用资金不得流入证券、投资领域", "credit must not flow into securities or investments");
        put(m, "why:gambling", "博彩、彩票不得使用信用支付", "betting and lotteries must not be paid on credit");
        put(m, "why:property", "信用资金不得流入房地产交易", "credit must not flow into property transactions");
        put(m, "why:tobacco", "银联规则禁止该行业受理信用卡", "card-scheme rules forbid credit cards in this industry");
        put(m, "why:insurance", "保险、直销类交易受信用支付限制", "insurance and direct-marketing sales are limited on credit");
        put(m, "why:wholesale", "大额批发交易受信用支付限制", "large wholesale trade is limited on credit");
        put(m, "why:other", "收单机构的风险政策限制该行业", "the acquirer's risk policy restricts this industry");
        mccName(m, "5411", "超市、杂货店", "grocery stores and supermarkets", null);
        mccName(m, "5499", "便利店、食品店", "convenience and food stores", null);
        mccName(m, "5812", "餐馆", "restaurants", null);
        mccName(m, "5814", "快餐店", "fast-food restaurants", null);
        mccName(m, "5311", "百货商店", "department stores", null);
        mccName(m, "5331", "杂货店", "variety stores", null);
        mccName(m, "5651", "服装店", "clothing stores", null);
        mccName(m, "5732", "电子产品店", "electronics stores", null);
        mccName(m, "5912", "药店", "drug stores and pharmacies", null);
        mccName(m, "5541", "加油站", "service stations", null);
        mccName(m, "7011", "酒店住宿", "hotels and lodging", null);
        mccName(m, "7230", "美容美发", "beauty and barber shops", null);
        mccName(m, "4121", "出租车", "taxis", null);
        mccName(m, "8062", "医院", "hospitals", null);
        mccName(m, "8220", "学校", "colleges and universities", null);
        mccName(m, "5993", "烟草零售", "cigar and tobacco stores", null);
        mccName(m, "5944", "珠宝首饰、钟表", "jewellery and watches", "cash-out");
        mccName(m, "5094", "贵金属、珠宝批发", "precious stones and metals wholesale", "cash-out");
        mccName(m, "5932", "古玩店", "antique shops", "cash-out");
        mccName(m, "6010", "金融机构—柜台取现", "financial institutions: manual cash", "quasi-cash");
        mccName(m, "6011", "金融机构—自动取款", "financial institutions: ATM cash", "quasi-cash");
        mccName(m, "6012", "金融机构—商品和服务", "financial institutions: merchandise and services", "quasi-cash");
        mccName(m, "6051", "准现金、外币兑换", "quasi-cash and foreign currency", "quasi-cash");
        mccName(m, "6211", "证券经纪", "securities brokers", "investment");
        mccName(m, "7995", "博彩、彩票", "betting and lotteries", "gambling");
        mccName(m, "1520", "房地产开发、总承包", "real-estate developers and general contractors", "property");
        mccName(m, "1771", "混凝土工程承包", "concrete work contractors", "property");
        mccName(m, "7013", "房地产中介", "real-estate agents", "property");
        mccName(m, "6513", "房地产租赁、物业管理", "property rental and management", "property");
        mccName(m, "4458", "烟草批发", "tobacco wholesale", "tobacco");
        mccName(m, "5960", "直销保险", "direct-marketing insurance", "insurance");
        mccName(m, "6300", "保险", "insurance", "insurance");
        mccName(m, "5039", "建材批发", "construction materials wholesale", "wholesale");
        mccName(m, "5998", "其他批发", "other wholesale", "wholesale");
    }

    private static void mccName(Map<String, Text> m, String mcc, String zh, String en, String why) {
        put(m, "mcc:" + mcc, zh, en);
        m.put("why:" + mcc, m.get("why:" + (why == null ? "other" : why)));
    }

    private static void put(Map<String, Text> m, String key, String zh, String en) {
        m.put(key, new Text(zh, en));
    }
}
