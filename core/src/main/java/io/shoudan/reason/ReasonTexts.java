package io.shoudan.reason;

import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.RegionNames;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.shoudan.reason.ReasonCode.*;

/**
 * What each reason says to a person, in Chinese and English: the message (what is wrong, with the
 * concrete values) and the remedy (what the actor should do). Templates name evidence keys in
 * braces: {@code {key}} is the value as is, {@code {key~}} its label ("HUABEI" → 花呗 / Huabei),
 * {@code {key~ns}} the label of {@code ns:value} (e.g. {@code {mcc~why}} says why an MCC is restricted),
 * {@code {key~region}} a region code's GB/T 2260 name at its own level (440305 → 深圳市南山区), and
 * {@code {key~rejection}} / {@code {key~field}} a reviewer's rejection item or its field. A part in square
 * brackets is said only when the evidence has every fact it names ("审核中[已 {days} 天]").
 */
public final class ReasonTexts {

    private record Templates(Text message, Text remedy, Text title) {
    }


    private ReasonTexts() {
    }

    /**
     * What is wrong, with the concrete values. A reason reported by a channel may lack the facts a
     * full sentence names (Alipay says "balance not enough", not the balance); it is then told by its
     * title and the facts it has, never with a blank left in the sentence.
     */
    public static String message(Reason reason, Lang lang) {
        String full = render(templates(reason.code()).message().in(lang), reason.evidence(), lang);
        return complete(full) ? full : titleWithFacts(reason, lang);
    }

    public static String remedy(Reason reason, Lang lang) {
        String full = render(templates(reason.code()).remedy().in(lang), reason.evidence(), lang);
        return complete(full) ? full : render(stripUnfilled(templates(reason.code()).remedy().in(lang), reason.evidence()),
                reason.evidence(), lang);
    }

    /** A short name of the reason, e.g. 终端固件版本过低 / the terminal firmware is too old. */
    public static String title(ReasonCode code, Lang lang) {
        return templates(code).title().in(lang);
    }

    private static boolean complete(String rendered) {
        return rendered.indexOf('{') < 0;
    }

    private static String titleWithFacts(Reason reason, Lang lang) {
        StringBuilder out = new StringBuilder(title(reason.code(), lang));
        Evidence evidence = reason.evidence();
        if (evidence.size() > 0) {
            out.append(lang == Lang.ZH ? "（" : " (");
            for (int i = 0; i < evidence.size(); i++) {
                out.append(i == 0 ? "" : (lang == Lang.ZH ? "，" : ", ")).append(label("key:" + evidence.key(i), lang)
                                .replaceFirst("^key:", "")).append(lang == Lang.ZH ? "：" : ": ")
                        .append(placeholder(evidence.key(i) + "~", evidence, lang, false));
            }
            out.append(lang == Lang.ZH ? "）" : ")");
        }
        return out.append(lang == Lang.ZH ? "。" : ".").toString();
    }

    /** Drops the sentences of a remedy that name facts the evidence does not have. */
    private static String stripUnfilled(String template, Evidence evidence) {
        StringBuilder kept = new StringBuilder();
        for (String sentence : template.split("(?<=[。；;.])")) {
            java.util.regex.Matcher keys = java.util.regex.Pattern.compile("\\{([A-Za-z]+)").matcher(sentence);
            boolean filled = true;
            while (keys.find()) {
                filled &= evidence.get(keys.group(1)) != null;
            }
            if (filled) {
                kept.append(sentence);
            }
        }
        return kept.isEmpty() ? template.replaceAll("\\{[^}]*}", "") : kept.toString();
    }

    public static Text message(Reason reason) {
        return new Text(message(reason, Lang.ZH), message(reason, Lang.EN));
    }

    public static Text remedy(Reason reason) {
        return new Text(remedy(reason, Lang.ZH), remedy(reason, Lang.EN));
    }

    /**
     * The name a person reads for a value or {@code namespace:value} key (e.g. {@code HUABEI},
     * {@code actor:MERCHANT}), or the key itself when there is none.
     */
    public static String label(String key, Lang lang) {
        Text label = Labels.of(key);
        return label == null ? key : label.in(lang);
    }

    /** The raw templates, for tests that check every code has texts in both languages. */
    public static Text messageTemplate(ReasonCode code) {
        return templates(code).message();
    }

    public static Text remedyTemplate(ReasonCode code) {
        return templates(code).remedy();
    }

    private static Templates templates(ReasonCode code) {
        Templates templates = TEMPLATES.get(code);
        if (templates == null) {
            throw new IllegalStateException("no texts for " + code + ": every catalogue code needs them");
        }
        return templates;
    }

    // --- rendering ---------------------------------------------------------------------------

    static String render(String template, Evidence evidence, Lang lang) {
        return render(template, evidence, lang, true);
    }

    private static String render(String template, Evidence evidence, Lang lang, boolean labelsMayNest) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '[' ? template.indexOf(']', i) : -1;
            if (end > 0) {
                String optional = render(template.substring(i + 1, end), evidence, lang, labelsMayNest);
                out.append(complete(optional) ? optional : "");
                i = end + 1;
                continue;
            }
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            out.append(placeholder(template.substring(i + 1, close), evidence, lang, labelsMayNest));
            i = close + 1;
        }
        return out.toString();
    }

    private static String placeholder(String spec, Evidence evidence, Lang lang, boolean labelsMayNest) {
        int tilde = spec.indexOf('~');
        String key = tilde < 0 ? spec : spec.substring(0, tilde);
        Object value = evidence.get(key);
        if (value == null) {
            return "{" + spec + "}";
        }
        String namespace = tilde < 0 ? null : spec.substring(tilde + 1);
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object item : list) {
                if (!joined.isEmpty()) {
                    joined.append(lang == Lang.ZH ? "、" : ", ");
                }
                joined.append(one(String.valueOf(item), namespace, evidence, lang, labelsMayNest));
            }
            if (joined.isEmpty()) {
                Text none = namespace == null ? null : Labels.of(namespace + ":NONE");
                return none != null ? none.in(lang) : lang == Lang.ZH ? "无" : "none";
            }
            return joined.toString();
        }
        return one((String) value, namespace, evidence, lang, labelsMayNest);
    }

    private static String one(String value, String namespace, Evidence evidence, Lang lang, boolean labelsMayNest) {
        if (namespace == null) {
            return value;
        }
        if (namespace.equals("region")) {
            return regionName(value, lang);
        }
        if (namespace.equals("rejection") || namespace.equals("field")) {
            return rejection(value, namespace.equals("field"), lang);
        }
        String key = namespace.isEmpty() ? value : namespace + ":" + value;
        Text label = Labels.of(key);
        if (label == null) {
            return value;
        }
        String text = label.in(lang);
        return labelsMayNest && text.indexOf('{') >= 0 ? render(text, evidence, lang, false) : text;
    }

    /**
     * One reviewer's rejection, {@code field: reason}: the field by its label when there is one, and the
     * reason in the reader's language when the reviewer wrote both as {@code 中文 / English}.
     */
    private static String rejection(String item, boolean fieldOnly, Lang lang) {
        int colon = item.indexOf(": ");
        String field = colon < 0 ? item : item.substring(0, colon);
        Text fieldLabel = Labels.of("field:" + field);
        String fieldName = fieldLabel == null ? field : fieldLabel.in(lang);
        if (fieldOnly || colon < 0) {
            return fieldName;
        }
        String reason = item.substring(colon + 2);
        int slash = reason.indexOf(" / ");
        if (slash > 0) {
            reason = lang == Lang.ZH ? reason.substring(0, slash) : reason.substring(slash + 3);
        }
        return lang == Lang.ZH ? fieldName + "（" + reason + "）" : fieldName + " (" + reason + ")";
    }

    /** A region code's GB/T 2260 name at its own level (深圳市南山区); anything that is not a code is shown as it is. */
    private static String regionName(String value, Lang lang) {
        if (!value.matches("[0-9]{6}")) {
            return value;
        }
        RegionNames.Name name = RegionNames.of(new RegionCode(value));
        return lang == Lang.ZH ? name.zh() : name.en();
    }

    // --- the texts ---------------------------------------------------------------------------

    private static Map<ReasonCode, Templates> build() {
        Map<ReasonCode, Templates> t = new EnumMap<>(ReasonCode.class);
        add(t, INTEGRATION_METHOD_NOT_OFFERED,
                "收单平台尚未开通{method~}收款，任何终端都无法受理该方式。",
                "The acquiring platform does not offer {method~} yet, so no terminal can take it.",
                "请联系收单机构开通{method~}；在此之前请顾客改用其他支付方式。",
                "Ask the acquirer to integrate {method~}; until then, ask the customer to pay another way.");
        add(t, INTEGRATION_CHANNEL_NOT_CONNECTED,
                "收单平台与{channel~}之间没有有效的通道连接或合同[，{method~}暂时无法使用]。",
                "The acquirer has no active connection or contract with {channel~}[, so {method~} cannot be used].",
                "收单机构运维需恢复与{channel~}的连接或签约；在此之前请顾客改用其他支付方式。",
                "Acquirer operations must restore the {channel~} connection or contract; meanwhile, use another method.");
        add(t, INTEGRATION_PROTOCOL_TOO_OLD,
                "终端报文协议版本为 v{actual}，{method~}需要 v{required} 及以上。",
                "The terminal speaks message protocol v{actual}; {method~} needs v{required} or later.",
                "收单机构需为该终端升级对接协议到 v{required}（通常随终端应用升级下发）。",
                "The acquirer must move this terminal to protocol v{required} (usually shipped with an application update).");
        add(t, INTEGRATION_REQUEST_REJECTED,
                "{channel~}拒绝了收单平台发出的请求参数（应答 {rawCode}）。",
                "{channel~} rejected the parameters of the acquirer's request (answer {rawCode}).",
                "收单机构技术人员需检查与{channel~}的对接参数；请顾客先改用其他方式。",
                "The acquirer's engineers must check the {channel~} integration parameters; meanwhile use another method.");
        add(t, INTEGRATION_UNMAPPED_REFUSAL,
                "{channel~}以平台尚未识别的应答码 {rawCode} 拒绝了本笔交易。",
                "{channel~} refused with a code the platform does not know yet: {rawCode}.",
                "收单机构需查明该应答码的含义并补充映射表；请顾客先改用其他方式。",
                "The acquirer must find out what the code means and add it to the mapping tables; meanwhile use another method.");
        add(t, MAINTENANCE_CHANNEL_WINDOW,
                "{scope~}正在进行计划维护（{from} 至 {to}），维护期间无法交易。",
                "{scope~} is in scheduled maintenance from {from} to {to}; payments through it are paused.",
                "请在 {to} 之后重试，或请顾客改用其他通道的支付方式。",
                "Retry after {to}, or ask the customer to pay with a method on another channel.");
        add(t, MAINTENANCE_PLATFORM_WINDOW,
                "收单平台正在进行系统维护（{from} 至 {to}），维护期间无法交易。",
                "The acquiring platform is in maintenance from {from} to {to}; no payment can be taken meanwhile.",
                "请在 {to} 之后重试。",
                "Retry after {to}.");
        add(t, MAINTENANCE_CHANNEL_UNAVAILABLE,
                "{channel~}通道当前不可用，交易无法送达。",
                "{channel~} is down right now; payments cannot reach it.",
                "请稍后重试或改用其他通道的支付方式；收单机构正在跟进通道恢复。",
                "Retry later or use a method on another channel; the acquirer is following the channel's recovery.");
        add(t, MAINTENANCE_CHANNEL_DEGRADED,
                "{channel~}通道响应缓慢或间歇性失败，交易可能需要更长时间。",
                "{channel~} is slow or failing intermittently; payments may take longer.",
                "可以继续交易；如果超时，请先在终端查询交易结果，不要直接重复收款。",
                "You can go on; if a payment times out, query its result on the terminal before charging again.");
        add(t, TERMINAL_NOT_ACTIVATED,
                "终端 {terminal} 的状态为“{status~}”，尚未激活或已停用，不能交易。",
                "Terminal {terminal} is {status~}: it was never activated or has been retired, so it cannot take payments.",
                "请联系收单机构激活该终端；已停用的终端需要更换。",
                "Ask the acquirer to activate the terminal; a retired terminal must be replaced.");
        add(t, TERMINAL_LOCKED,
                "终端 {terminal} 已被锁定（风控，或多次密码/MAC 错误）。",
                "Terminal {terminal} is locked (risk control, or too many wrong PINs or MACs).",
                "请联系收单机构客服核实锁定原因并解锁。",
                "Call the acquirer's support to find out why it was locked and have it unlocked.");
        add(t, TERMINAL_UPDATING,
                "终端 {terminal} 正在安装固件更新（当前版本 {firmware}），更新完成前不能交易。",
                "Terminal {terminal} is installing a firmware update (now on {firmware}) and takes no payment until it finishes.",
                "请等待更新完成（终端会自动重启，期间不要断电）后再交易；长时间未完成请联系收单机构。",
                "Wait for the update to finish (the terminal restarts by itself; keep it powered), then take the payment; "
                        + "if it does not finish, call the acquirer.");
        add(t, TERMINAL_UNBOUND,
                "终端 {terminal} 绑定的是商户 {boundTo}，不是当前商户 {merchant}。",
                "Terminal {terminal} is bound to merchant {boundTo}, not to merchant {merchant}.",
                "请收单机构把终端改绑到商户 {merchant}，或使用该商户自己的终端。",
                "Have the acquirer rebind the terminal to merchant {merchant}, or use that merchant's own terminal.");
        add(t, TERMINAL_RELOCATED,
                "终端登记在 {registered}（{registered~region}），但当前定位在 {observed}（{observed~region}），属于跨城市移机。",
                "The terminal is registered in region {registered} ({registered~region}) but is now located in "
                        + "{observed} ({observed~region}): it has been moved to another city.",
                "请把终端移回登记地使用，或向收单机构申请移机并更新登记地址。",
                "Move the terminal back to where it is registered, or apply to the acquirer to register the new address.");
        add(t, TERMINAL_NOT_SIGNED_ON,
                "终端 {terminal} 今天还没有签到，没有有效的工作密钥。",
                "Terminal {terminal} has not signed on today and has no valid working keys.",
                "请收银员在终端上执行“签到”后重试。",
                "The cashier should sign on at the terminal and try again.");
        add(t, TERMINAL_FIRMWARE_TOO_OLD,
                "终端固件版本为 {actual}，低于{method~}要求的最低版本 {required}。",
                "The terminal runs firmware {actual}, older than the {required} that {method~} needs.",
                "请把终端固件升级到 {required} 或更高（联系收单机构远程升级，或到服务网点升级）。",
                "Upgrade the terminal firmware to {required} or later (ask the acquirer for a remote update or visit a service point).");
        add(t, TERMINAL_PARAMETERS_OUTDATED,
                "终端 {terminal} 的参数版本为 {actual}，低于{method~}要求的 {required}。",
                "Terminal {terminal} holds parameter set version {actual}, older than the {required} that {method~} needs.",
                "请收银员在终端上重新签到，签到时会下载最新参数（版本 {required} 或以上）；仍未更新时请联系收单机构下发参数。",
                "The cashier should sign on again on the terminal, which downloads the current parameters (version {required} "
                        + "or later); if they do not arrive, ask the acquirer to push them.");
        add(t, TERMINAL_HARDWARE_UNSUPPORTED,
                "终端型号 {model} 缺少{method~}所需的硬件：{missing~}。",
                "Terminal model {model} lacks hardware that {method~} needs: {missing~}.",
                "请向收单机构申请更换带{missing~}的终端。",
                "Ask the acquirer for a terminal model with a {missing~}.");
        add(t, TERMINAL_HARDWARE_FAULT,
                "终端 {terminal}（{model}）上报{method~}所需的{faulty~}故障。",
                "Terminal {terminal} ({model}) reported a fault in the {faulty~} that {method~} needs.",
                "请商户联系收单机构维修或更换终端；修好之前请改用不需要{faulty~}的支付方式。",
                "The merchant should have the acquirer repair or replace the terminal; until then, use a method that "
                        + "does not need the {faulty~}.");
        add(t, TERMINAL_MODEL_NOT_CERTIFIED,
                "终端型号 {model} 不在{method~}的认证机型名单中（认证机型：{certified}）。",
                "Terminal model {model} is not certified for {method~} (certified models: {certified}).",
                "请向收单机构申请更换为认证机型。",
                "Ask the acquirer for a certified terminal model.");
        add(t, TERMINAL_METHOD_NOT_CONFIGURED,
                "终端设置（POS 参数）中没有开启{method~}；当前开启的是：{enabled~}。",
                "{method~} is not switched on in the terminal's settings; switched on are: {enabled~}.",
                "请收单机构在终端参数中开启{method~}并下发，终端重新签到或更新参数后即可使用。",
                "Have the acquirer switch {method~} on in the terminal parameters; it works after the terminal signs on again or updates its parameters.");
        add(t, MERCHANT_NOT_APPROVED,
                "商户 {merchant} 的资质审核状态为“{status~}”，尚未通过。",
                "Merchant {merchant}'s qualification review is {status~}: it has not passed.",
                "请商户补齐资质材料等待审核；被驳回的请按驳回意见修改后重新提交。",
                "The merchant should complete its documents and wait for review; if rejected, fix what the rejection names and resubmit.");
        add(t, MERCHANT_SUSPENDED,
                "商户 {merchant} 的状态为“{status~}”，收款已被暂停。",
                "Merchant {merchant} is {status~}: it cannot take payments.",
                "请商户联系收单机构了解原因并处理。",
                "The merchant should call the acquirer to learn why and resolve it.");
        add(t, MERCHANT_TYPE_NOT_ELIGIBLE,
                "{method~}不向{type~}开放，只对{allowed~}开放。",
                "{method~} is not available to {type~}; it is open to {allowed~}.",
                "商户如需收取{method~}，需先升级为{allowed~}（例如办理营业执照后向收单机构申请变更）。",
                "To take {method~}, the merchant must first become one of: {allowed~} (e.g. obtain a business licence and ask the acquirer to change its type).");
        add(t, MERCHANT_PRODUCT_NOT_SIGNED,
                "{method~}需要商户开通“{product~}”，而该产品的状态是“{status~}”。",
                "{method~} needs the merchant's {product~} product, which is {status~}.",
                "请商户签约并开通{product~}；审核中的请等待审核通过。",
                "The merchant should sign up for {product~}; if it is pending approval, wait for it.");
        add(t, MERCHANT_PRODUCT_UNDER_REVIEW,
                "“{product~}”的开通申请正在审核中[，审核中已 {days} 天（{since} 提交）]，审核通过前{method~}不能使用。",
                "The application for {product~} is still under review[ (for {days} days, since {since})]; "
                        + "{method~} cannot be used until it is approved.",
                "收单机构和{channel~}正在审核，商户无需重复提交；通过后即可使用，在此之前请顾客改用其他支付方式。",
                "The acquirer and {channel~} are reviewing it; the merchant need not apply again. It works once approved; "
                        + "meanwhile ask the customer to pay another way.");
        add(t, MERCHANT_PRODUCT_REJECTED,
                "“{product~}”的开通申请[于 {since} ]被驳回，{method~}暂不能使用；驳回意见：{rejections~rejection}。",
                "The application for {product~} was rejected[ on {since}], so {method~} cannot be used; the reviewer said: "
                        + "{rejections~rejection}.",
                "请商户修改{rejections~field}后重新提交{product~}申请。",
                "The merchant should correct the {rejections~field} and submit the {product~} application again.");
        add(t, MERCHANT_PRODUCT_SUSPENDED,
                "{method~}需要的“{product~}”产品已被暂停。",
                "The {product~} product that {method~} needs has been suspended.",
                "请商户联系收单机构了解暂停原因并申请恢复。",
                "The merchant should ask the acquirer why it was suspended and apply to have it restored.");
        add(t, MERCHANT_CONSENT_MISSING,
                "“{product~}”已审核通过，但商户尚未在{channel~}确认开户意愿（授权收款），{channel~}暂不允许收款。",
                "{product~} is approved, but the merchant has not yet confirmed opening the account (authorised collection) "
                        + "with {channel~}, so {channel~} does not let it take payments.",
                "请商户的法人或管理员在{channel~}完成开户意愿确认（如扫描收单机构提供的确认码），确认后即可收款。",
                "The merchant's legal person or administrator should confirm the account opening with {channel~} (e.g. by "
                        + "scanning the confirmation code the acquirer provides); payments work once confirmed.");
        add(t, MERCHANT_PRODUCT_STATUS_DRIFT,
                "平台记录的“{product~}”状态为“{status~}”，但{channel~}[于 {channelCheckedAt} ]报告的状态为“{channelStatus~}”。",
                "The platform holds {product~} as {status~}, but {channel~} reported it as {channelStatus~}[ at {channelCheckedAt}].",
                "收单机构需向{channel~}核实该产品的实际状态并同步平台记录；核实之前{method~}暂停使用，请顾客改用其他支付方式。",
                "The acquirer must check the product's real status with {channel~} and bring the platform's record in line; "
                        + "until then {method~} is held, so ask the customer to pay another way.");
        add(t, MERCHANT_CREDIT_RATING_TOO_LOW,
                "商户信用评级为 {rating} 级，低于{method~}要求的 {required} 级。",
                "The merchant's credit rating is {rating}, below the {required} that {method~} requires.",
                "保持良好经营和结算记录以提升评级，达到 {required} 级后可再次申请。",
                "Keep a clean trading and settlement record to raise the rating; apply again once it reaches {required}.");
        add(t, MERCHANT_METHOD_DISABLED_BY_MERCHANT,
                "商户 {merchant} 自行关闭了{method~}收款。",
                "Merchant {merchant} has switched {method~} off itself.",
                "如需收取，请商户在商户后台重新开启{method~}。",
                "If it wants to take it, the merchant can switch {method~} back on in its merchant portal.");
        add(t, MERCHANT_LIMIT_EXCEEDED,
                "本笔 {amount} 元会超过商户{method~}的{period~period}限额 {limit} 元（已收 {used} 元）。",
                "This {amount} CNY payment would pass the merchant's {period~period} {method~} limit of {limit} CNY ({used} CNY already taken).",
                "请在限额于{period~reset}重置后再收，或请顾客改用其他支付方式；如需提高限额请联系收单机构。",
                "Take it after the limit resets ({period~reset}) or use another method; to raise the limit, ask the acquirer.");
        add(t, POLICY_INDUSTRY_RESTRICTED,
                "商户行业 MCC {mcc}（{mcc~mcc}）在{method~}的受限行业名单中（规则 {rule}）：{mcc~why}。",
                "The merchant's MCC {mcc} ({mcc~mcc}) is restricted for {method~} (rule {rule}): {mcc~why}.",
                "该行业不能使用{method~}，重试也不会成功；请顾客改用其他支付方式。",
                "{method~} cannot be used in this industry and retrying will not help; ask the customer to pay another way.");
        add(t, POLICY_REGION_RESTRICTED,
                "商户所在地区 {region}（{region~region}）在{method~}的受限地区名单中（规则 {rule}）。",
                "The merchant's region {region} ({region~region}) is restricted for {method~} (rule {rule}).",
                "该地区暂不能使用{method~}；请顾客改用其他支付方式。",
                "{method~} is not available in this region; ask the customer to pay another way.");
        add(t, POLICY_AMOUNT_OUT_OF_RANGE,
                "金额 {amount} 元{bound~bound}。",
                "The amount {amount} CNY {bound~bound}.",
                "请核对输入的金额；金额无误时请改用其他支付方式。",
                "Check the amount typed; if it is right, use another method.");
        add(t, POLICY_INSTALLMENT_NOT_ALLOWED,
                "本笔不能分 {installments} 期：{problems~problem}。",
                "This payment cannot be split into {installments} installments: {problems~problem}.",
                "请选择可用的分期期数，或不分期付款。",
                "Choose an offered installment count, or pay without installments.");
        add(t, POLICY_REGULATORY_LIMIT,
                "按监管要求，{merchantType~}的{method~}收款{period~period}上限为 {limit} 元；已收 {used} 元，本笔 {amount} 元会超限。",
                "Regulation caps {merchantType~} at {limit} CNY of {method~} receipts {period~period}; {used} CNY is already taken and this {amount} CNY would pass it.",
                "请在{period~reset}额度恢复后再收，或请顾客改用不受此限的方式（如借记卡、扫码付款）；办理营业执照升级为个体工商户可解除该限制。",
                "Take it after the cap resets ({period~reset}) or use a method without this cap (debit card, QR); registering as an individual business lifts it.");
        add(t, CONSUMER_ACCOUNT_FROZEN,
                "顾客的{channel~}账户状态为“{status~}”，无法付款。",
                "The customer's {channel~} account is {status~} and cannot pay.",
                "请顾客联系{channel~}客服解除限制，或改用其他支付方式。",
                "The customer should contact {channel~} to lift the restriction, or pay another way.");
        add(t, CONSUMER_HUABEI_UNAVAILABLE,
                "顾客的花呗状态为“{status~}”，不能用花呗付款。",
                "The customer's Huabei is {status~} and cannot be used.",
                "请顾客在支付宝中查看花呗（逾期的需先还款），或改用余额、银行卡付款。",
                "The customer should check Huabei in the Alipay app (repay first if overdue), or pay from balance or a bank card.");
        add(t, CONSUMER_INSUFFICIENT_FUNDS,
                "顾客的{source~source}为 {available} 元，不够支付本笔 {amount} 元。",
                "The customer's {source~source} is {available} CNY, less than this {amount} CNY payment.",
                "请顾客充值或更换付款方式。",
                "The customer should top up or choose another way to pay.");
        add(t, CONSUMER_PAYMENT_CODE_INVALID,
                "顾客的付款码 {paymentCode} 已过期、已使用或无效。",
                "The customer's payment code {paymentCode} has expired, was already used or is not valid.",
                "请顾客刷新付款码后重新扫码。",
                "Ask the customer to refresh the payment code and scan again.");
        add(t, CONSUMER_CONFIRMATION_REQUIRED,
                "需要顾客在手机上输入支付密码确认，交易处理中。",
                "The customer must confirm the payment on the phone (enter the password); the payment is pending.",
                "请顾客在手机上确认；终端会自动查询结果，请勿重复收款。",
                "Ask the customer to confirm on the phone; the terminal queries the result itself, so do not charge again.");
        add(t, CONSUMER_PIN_INVALID,
                "顾客输入的银行卡密码不正确（{channel~}应答 {rawCode}）。",
                "The card PIN the customer entered is wrong ({channel~} answered {rawCode}).",
                "请顾客重新输入密码；连续输错多次后发卡行可能锁卡。",
                "Ask the customer to enter the PIN again; after several wrong tries the issuer may block the card.");
        add(t, CONSUMER_ISSUER_DECLINED,
                "发卡行或支付机构拒绝了本笔付款（{channel~}应答 {rawCode}），没有给出更具体的原因。",
                "The issuer or wallet declined this payment ({channel~} answered {rawCode}) without a more precise reason.",
                "请顾客改用其他银行卡或付款方式，或联系发卡行了解原因。",
                "Ask the customer to use another card or method, or to call the issuer.");
        add(t, CONSUMER_LIMIT_EXCEEDED,
                "本笔超过了顾客账户或银行卡自身的单笔或单日限额（{channel~}应答 {rawCode}）。",
                "This payment passes the customer's own per-payment or daily limit ({channel~} answered {rawCode}).",
                "请顾客改用其他付款方式，或调整限额后再付。",
                "Ask the customer to pay another way, or to raise the limit and pay again.");
        add(t, CONSUMER_NOT_CERTIFIED,
                "顾客的{channel~}账户未完成实名认证，不能完成这笔付款（应答 {rawCode}）。",
                "The customer's {channel~} account is not real-name certified, which this payment needs (answer {rawCode}).",
                "请顾客在{channel~}中完成实名认证后再付，或改用其他方式。",
                "The customer should complete real-name certification in {channel~}, or pay another way.");
        add(t, CONSUMER_INSTRUMENT_NOT_ACCEPTED,
                "顾客在{channel~}中选择的付款来源（如信用卡）不被本商户接受（应答 {rawCode}）。",
                "The funding source the customer chose in {channel~} (e.g. a credit card) is not accepted here (answer {rawCode}).",
                "请顾客在付款码页面切换付款方式（如零钱或借记卡）后重新出示。",
                "Ask the customer to switch the funding source on the payment-code page (e.g. balance or a debit card) and show it again.");
        add(t, CONSUMER_RISK_REJECTED,
                "{channel~}的风控拒绝了这位顾客的本笔付款。",
                "{channel~}'s risk control refused this customer's payment.",
                "请顾客改用其他支付方式，或联系{channel~}客服。",
                "Ask the customer to pay another way or to contact {channel~}.");
        add(t, OPERATION_CODE_METHOD_MISMATCH,
                "扫到的是{scanned~code}，而所选的{method~}需要{expected~code}。",
                "The code scanned is {scanned~code}, but the selected {method~} needs {expected~code}.",
                "请在终端上选择与顾客付款方式一致的交易类型，或请顾客出示{expected~code}。",
                "Select the transaction type that matches what the customer shows, or ask for {expected~code}.");
        add(t, OPERATION_UNRECOGNIZED_CODE,
                "扫到的内容（{paymentCode}，{length} 位）不是任何已支持通道的付款码。",
                "What was scanned ({paymentCode}, {length} characters) is not a payment code of any supported channel.",
                "请顾客打开支付宝、微信或云闪付的“付款码”页面重新扫码，不要扫收款码或其他二维码。",
                "Ask the customer to open the payment-code page of Alipay, WeChat or UnionPay and scan again; do not scan collection or other QR codes.");
        add(t, OPERATION_INVALID_AMOUNT,
                "金额 {amount} 元无效：金额必须大于 0。",
                "The amount {amount} CNY is not valid: it must be above zero.",
                "请重新输入正确的金额。",
                "Type the correct amount again.");
        add(t, OPERATION_WRONG_TRANSACTION_TYPE,
                "原请求 {original} 是一笔{operation~operation}，与所选的交易类型不符。",
                "The original request {original} is a {operation~operation}, which the chosen transaction type does not fit.",
                "请核对原交易后选择正确的交易类型（消费冲正对应消费，撤销或退货的冲正对应撤销或退货）。",
                "Check the original and choose the matching transaction (a sale's reversal for a sale, a void's or refund's for those).");
        add(t, OPERATION_DUPLICATE_REQUEST,
                "请求号 {request} 已经用过，但这次的{field~field}与第一次不同。",
                "Request id {request} was already used, and this time its {field~field} differs from the first.",
                "新的交易请使用新的请求号（流水号）；重试原交易时请保持内容完全一致。",
                "Use a new request id (trace number) for a new payment; a retry must repeat the original exactly.");
        add(t, OPERATION_TRADE_CLOSED,
                "该订单已[在{channel~}]关闭或撤销[（应答 {rawCode}）][：终端在请求 {request} 到达之前已将其冲正]，不能再处理。",
                "The order was already closed or reversed[ at {channel~}][ (answer {rawCode})][: the terminal reversed request "
                        + "{request} before it arrived], so it cannot be processed any more.",
                "请发起一笔新交易（新的订单号）。",
                "Start a new payment (with a new order number).");
        add(t, OPERATION_ORIGINAL_NOT_FOUND,
                "找不到原交易 {original}：本商户没有这笔消费。",
                "There is no original payment {original}: this merchant made no such sale.",
                "请核对原交易的凭证号或参考号后重新发起。",
                "Check the original payment's trace or reference number and try again.");
        add(t, OPERATION_NOT_VOIDABLE,
                "原交易 {original} 当前状态为“{state~state}”，只有未退过货的成功交易才能撤销。",
                "Original payment {original} is {state~state}; only a successful payment with no refund can be voided.",
                "成功且已部分退货的交易请继续做退货；未成功的交易无需撤销。",
                "Refund a partly refunded payment instead; a payment that did not succeed needs no void.");
        add(t, OPERATION_VOID_AFTER_SETTLEMENT,
                "原交易 {original} 已经结算，结算后的交易不能撤销。",
                "Original payment {original} is already settled, and a settled payment cannot be voided.",
                "请改做退货。",
                "Refund it instead.");
        add(t, OPERATION_VOID_AFTER_PAYMENT_DAY,
                "原交易 {original} 是 {paidOn} 的交易，撤销只能在交易当天（今天是 {today}）。",
                "Original payment {original} was made on {paidOn}; a void is only possible on that day (today is {today}).",
                "请改做退货。",
                "Refund it instead.");
        add(t, OPERATION_NOT_REFUNDABLE,
                "原交易 {original} 当前状态为“{state~state}”，只有成功的交易才能退货。",
                "Original payment {original} is {state~state}; only a successful payment can be refunded.",
                "请核对原交易：未成功的交易没有扣款，已撤销或已全额退货的交易不能再退。",
                "Check the original: one that did not succeed took no money, and one voided or fully refunded cannot be refunded again.");
        add(t, OPERATION_REFUND_ABOVE_REMAINING,
                "退货金额 {requested} 元超过原交易 {original} 的可退金额 {refundable} 元。",
                "The refund of {requested} CNY is above the {refundable} CNY left of original payment {original}.",
                "请把退货金额改为不超过 {refundable} 元后重新发起。",
                "Ask for at most {refundable} CNY and try again.");
        add(t, OPERATION_ADJUSTMENT_NOT_REVERSIBLE,
                "原请求 {original}（{operation}）已把钱退还给顾客，不能冲正：该笔{operation~operation}有效，交易 {payment} 状态为“{state~state}”。",
                "The {operation~operation} {original} ({operation}) gave the money back to the customer and cannot be reversed: "
                        + "it stands, and payment {payment} is {state~state}.",
                "保留该笔{operation~operation}的签购单，终端批次中按已{operation~operation}处理；不要再次收款。",
                "Keep the {operation~operation} slip and treat it as done in the terminal's batch; do not charge again.");
        add(t, OPERATION_SALE_NOT_REVERSIBLE,
                "交易 {payment} 当前状态为“{state~state}”，钱仍在商户处，不能冲正。",
                "Payment {payment} is {state~state}; the merchant keeps the money, so it cannot be reversed.",
                "请核对该交易；如需把钱退给顾客，请做退货。",
                "Check the payment; to give the money back, refund it.");
        add(t, NETWORK_TERMINAL_OFFLINE,
                "终端已 {silentSeconds} 秒没有与平台通讯（最后通讯 {lastSeenAt}，超过 {thresholdSeconds} 秒即视为离线）。",
                "The terminal has been silent for {silentSeconds} seconds (last heard {lastSeenAt}; offline after {thresholdSeconds} seconds).",
                "请检查终端网络（Wi-Fi、4G 或网线），必要时重启终端后重试。",
                "Check the terminal's network (Wi-Fi, 4G or cable), restart it if needed, and try again.");
        add(t, NETWORK_CHANNEL_TIMEOUT,
                "{channel~}没有在规定时间内应答；交易结果已通过查询或撤销确定为“{outcome}”。",
                "{channel~} did not answer in time; the outcome was settled by query or reversal as {outcome}.",
                "以终端上显示的最终结果为准，不要重复收款；可立即重新发起新交易。",
                "Trust the final result the terminal shows and do not charge twice; a new payment can be started at once.");
        add(t, SECURITY_MAC_INVALID,
                "终端 {terminal} 发来的报文 MAC 校验失败。",
                "The MAC of the message from terminal {terminal} did not verify.",
                "请收银员重新签到获取新工作密钥；仍失败时请收单机构检查终端主密钥。",
                "The cashier should sign on again to get fresh keys; if it still fails, the acquirer must check the terminal master key.");
        add(t, SECURITY_SIGNATURE_INVALID,
                "来自{source}的签名验证失败。",
                "The signature from {source} did not verify.",
                "收单机构需核对签名密钥或证书配置；交易结果将通过查询确认。",
                "The acquirer must check the signing keys or certificates; the payment's outcome is settled by query.");
        add(t, SECURITY_KEY_EXPIRED,
                "终端 {terminal} 的工作密钥已于 {expiredAt} 过期。",
                "Terminal {terminal}'s working keys expired at {expiredAt}.",
                "请在终端上重新签到以下载新密钥；仍失败时请联系收单机构重新灌装密钥。",
                "Sign on again on the terminal to load new keys; if that fails, ask the acquirer to reload them.");
        add(t, SECURITY_CERTIFICATE_EXPIRED,
                "收单机构用于{channel~}的证书或密钥已于 {expiredAt} 过期。",
                "The acquirer's certificate or key for {channel~} expired at {expiredAt}.",
                "收单机构需尽快更新{channel~}的证书或密钥；在此之前请改用其他通道的支付方式。",
                "The acquirer must renew its {channel~} certificate or key; meanwhile use a method on another channel.");
        add(t, SECURITY_REPLAY_DETECTED,
                "请求重复使用了之前的随机数或流水号（{detail}），已被拒绝。",
                "The request repeats an earlier nonce or trace number ({detail}) and was refused.",
                "收单机构需检查终端或商户系统的流水号生成；这不是一次正常的重试。",
                "The acquirer must check how the terminal or merchant system numbers requests; this is not a normal retry.");
        return t;
    }

    private static void add(Map<ReasonCode, Templates> t, ReasonCode code, String messageZh, String messageEn,
                            String remedyZh, String remedyEn) {
        Text title = TITLES.get(code);
        if (title == null) {
            throw new IllegalStateException("no title for " + code);
        }
        t.put(code, new Templates(new Text(messageZh, messageEn), new Text(remedyZh, remedyEn), title));
    }

    private static final Map<ReasonCode, Text> TITLES = titles();

    private static final Map<ReasonCode, Templates> TEMPLATES = build();

    private static Map<ReasonCode, Text> titles() {
        Map<ReasonCode, Text> t = new EnumMap<>(ReasonCode.class);
        t.put(INTEGRATION_METHOD_NOT_OFFERED, new Text("收单机构未开通该支付方式", "the acquirer does not offer this method"));
        t.put(INTEGRATION_CHANNEL_NOT_CONNECTED, new Text("支付通道未连接", "the channel is not connected"));
        t.put(INTEGRATION_PROTOCOL_TOO_OLD, new Text("终端报文协议版本过低", "the terminal's protocol is too old"));
        t.put(MAINTENANCE_CHANNEL_WINDOW, new Text("支付通道计划维护中", "the channel is in scheduled maintenance"));
        t.put(MAINTENANCE_PLATFORM_WINDOW, new Text("收单平台维护中", "the platform is in maintenance"));
        t.put(MAINTENANCE_CHANNEL_UNAVAILABLE, new Text("支付通道不可用", "the channel is down"));
        t.put(MAINTENANCE_CHANNEL_DEGRADED, new Text("支付通道不稳定", "the channel is slow or failing intermittently"));
        t.put(TERMINAL_NOT_ACTIVATED, new Text("终端未激活或已停用", "the terminal is not activated or retired"));
        t.put(TERMINAL_LOCKED, new Text("终端已锁定", "the terminal is locked"));
        t.put(TERMINAL_UPDATING, new Text("终端正在更新固件", "the terminal is installing a firmware update"));
        t.put(TERMINAL_PARAMETERS_OUTDATED, new Text("终端参数版本过旧", "the terminal's parameters are outdated"));
        t.put(TERMINAL_HARDWARE_FAULT, new Text("终端硬件故障", "a terminal device is faulty"));
        t.put(MERCHANT_PRODUCT_UNDER_REVIEW, new Text("商户所需产品审核中", "a required product is under review"));
        t.put(MERCHANT_PRODUCT_REJECTED, new Text("商户所需产品申请被驳回", "a required product was rejected"));
        t.put(MERCHANT_CONSENT_MISSING, new Text("商户未确认开户意愿", "the merchant has not confirmed the account opening"));
        t.put(MERCHANT_PRODUCT_STATUS_DRIFT, new Text("产品状态与通道不一致", "the product's status differs from the channel's"));
        t.put(TERMINAL_UNBOUND, new Text("终端未绑定该商户", "the terminal is not bound to this merchant"));
        t.put(TERMINAL_RELOCATED, new Text("终端跨城市移机", "the terminal was moved to another city"));
        t.put(TERMINAL_NOT_SIGNED_ON, new Text("终端未签到", "the terminal has not signed on"));
        t.put(TERMINAL_FIRMWARE_TOO_OLD, new Text("终端固件版本过低", "the terminal firmware is too old"));
        t.put(TERMINAL_HARDWARE_UNSUPPORTED, new Text("终端硬件不支持", "the terminal lacks the hardware"));
        t.put(TERMINAL_MODEL_NOT_CERTIFIED, new Text("终端机型未认证", "the terminal model is not certified"));
        t.put(TERMINAL_METHOD_NOT_CONFIGURED, new Text("终端设置未开启该方式", "the method is off in the terminal settings"));
        t.put(MERCHANT_NOT_APPROVED, new Text("商户资质审核未通过", "the merchant is not approved"));
        t.put(MERCHANT_SUSPENDED, new Text("商户已暂停或关闭", "the merchant is suspended or closed"));
        t.put(MERCHANT_TYPE_NOT_ELIGIBLE, new Text("商户类型不符合要求", "the merchant type is not eligible"));
        t.put(MERCHANT_PRODUCT_NOT_SIGNED, new Text("商户未开通所需产品", "a required product is not signed"));
        t.put(MERCHANT_PRODUCT_SUSPENDED, new Text("商户所需产品已暂停", "a required product is suspended"));
        t.put(MERCHANT_CREDIT_RATING_TOO_LOW, new Text("商户信用评级过低", "the merchant's credit rating is too low"));
        t.put(MERCHANT_METHOD_DISABLED_BY_MERCHANT, new Text("商户已关闭该方式", "the merchant switched the method off"));
        t.put(MERCHANT_LIMIT_EXCEEDED, new Text("超过商户收款限额", "the merchant's limit would be passed"));
        t.put(POLICY_INDUSTRY_RESTRICTED, new Text("行业（MCC）受限", "the industry (MCC) is restricted"));
        t.put(POLICY_REGION_RESTRICTED, new Text("地区受限", "the region is restricted"));
        t.put(POLICY_AMOUNT_OUT_OF_RANGE, new Text("金额超出单笔范围", "the amount is out of range"));
        t.put(POLICY_INSTALLMENT_NOT_ALLOWED, new Text("不支持该分期", "these installments are not allowed"));
        t.put(POLICY_REGULATORY_LIMIT, new Text("超过监管限额", "a regulatory limit would be passed"));
        t.put(CONSUMER_ACCOUNT_FROZEN, new Text("顾客账户被冻结或限制", "the customer's account is frozen or restricted"));
        t.put(CONSUMER_HUABEI_UNAVAILABLE, new Text("顾客花呗不可用", "the customer's Huabei is unavailable"));
        t.put(CONSUMER_INSUFFICIENT_FUNDS, new Text("顾客余额或额度不足", "the customer's balance or credit is too low"));
        t.put(CONSUMER_PAYMENT_CODE_INVALID, new Text("付款码无效或已过期", "the payment code is invalid or expired"));
        t.put(CONSUMER_CONFIRMATION_REQUIRED, new Text("等待顾客输入密码确认", "waiting for the customer to confirm"));
        t.put(CONSUMER_RISK_REJECTED, new Text("通道风控拒绝", "the channel's risk control refused"));
        t.put(OPERATION_CODE_METHOD_MISMATCH, new Text("付款码与所选方式不符", "the code does not match the selected method"));
        t.put(OPERATION_UNRECOGNIZED_CODE, new Text("无法识别的付款码", "the scanned code is not a payment code"));
        t.put(OPERATION_INVALID_AMOUNT, new Text("金额无效", "the amount is not valid"));
        t.put(OPERATION_WRONG_TRANSACTION_TYPE, new Text("交易类型不符", "the transaction type does not fit"));
        t.put(OPERATION_DUPLICATE_REQUEST, new Text("重复的请求号", "the request id was already used differently"));
        t.put(OPERATION_ORIGINAL_NOT_FOUND, new Text("找不到原交易", "the original payment does not exist"));
        t.put(OPERATION_NOT_VOIDABLE, new Text("原交易状态不能撤销", "the original payment cannot be voided in its state"));
        t.put(OPERATION_VOID_AFTER_SETTLEMENT, new Text("已结算的交易不能撤销", "a settled payment cannot be voided"));
        t.put(OPERATION_VOID_AFTER_PAYMENT_DAY, new Text("隔日交易不能撤销", "a void is only possible on the payment's day"));
        t.put(OPERATION_NOT_REFUNDABLE, new Text("原交易状态不能退货", "the original payment cannot be refunded in its state"));
        t.put(OPERATION_REFUND_ABOVE_REMAINING, new Text("退货金额超过可退金额", "the refund is above what is left"));
        t.put(OPERATION_ADJUSTMENT_NOT_REVERSIBLE, new Text("已退款的撤销或退货不能冲正", "a void or refund that gave the money back cannot be reversed"));
        t.put(OPERATION_SALE_NOT_REVERSIBLE, new Text("该消费不能冲正", "the sale cannot be reversed"));
        t.put(NETWORK_TERMINAL_OFFLINE, new Text("终端离线", "the terminal is offline"));
        t.put(NETWORK_CHANNEL_TIMEOUT, new Text("通道应答超时", "the channel did not answer in time"));
        t.put(SECURITY_MAC_INVALID, new Text("报文 MAC 校验失败", "the message MAC did not verify"));
        t.put(SECURITY_SIGNATURE_INVALID, new Text("签名验证失败", "a signature did not verify"));
        t.put(SECURITY_KEY_EXPIRED, new Text("终端密钥已过期", "the terminal's keys have expired"));
        t.put(SECURITY_CERTIFICATE_EXPIRED, new Text("通道证书或密钥已过期", "the channel certificate or key has expired"));
        t.put(INTEGRATION_REQUEST_REJECTED, new Text("通道拒绝了请求参数", "the channel rejected the request's parameters"));
        t.put(INTEGRATION_UNMAPPED_REFUSAL, new Text("通道返回了未识别的拒绝码", "the channel refused with an unknown code"));
        t.put(CONSUMER_PIN_INVALID, new Text("银行卡密码错误", "the card PIN is wrong"));
        t.put(CONSUMER_ISSUER_DECLINED, new Text("发卡行或支付机构拒绝", "the issuer or wallet declined"));
        t.put(CONSUMER_LIMIT_EXCEEDED, new Text("超过顾客的支付限额", "the customer's own payment limit would be passed"));
        t.put(CONSUMER_NOT_CERTIFIED, new Text("顾客账户未实名认证", "the customer's account is not real-name certified"));
        t.put(CONSUMER_INSTRUMENT_NOT_ACCEPTED, new Text("顾客所选的付款来源不被接受", "the customer's chosen funding source is not accepted"));
        t.put(OPERATION_TRADE_CLOSED, new Text("订单已在通道侧关闭", "the order is already closed at the channel"));
        t.put(SECURITY_REPLAY_DETECTED, new Text("检测到重放请求", "a replayed request was detected"));
        return t;
    }
}
