package io.shoudan.sandbox.http.alipay;

/**
 * Refusals by the Open API gateway itself, before a call reaches the trade system: missing or invalid
 * common parameters and signature failures. {@code sub_msg} in Chinese as Alipay sends it, with English.
 */
enum GatewayError {
    MISSING_METHOD("40001", "isv.missing-method", "缺少方法名参数", "the method parameter is missing"),
    INVALID_METHOD("40002", "isv.invalid-method", "不存在的方法名", "no such method (the sandbox serves "
            + "alipay.trade.pay, query, cancel and refund)"),
    MISSING_APP_ID("40001", "isv.missing-app-id", "缺少AppID参数", "the app_id parameter is missing"),
    INVALID_APP_ID("40002", "isv.invalid-app-id", "无效的AppID参数", "no sandbox merchant has this app_id"),
    INVALID_FORMAT("40002", "isv.invalid-format", "无效的数据格式", "format must be JSON"),
    INVALID_CHARSET("40002", "isv.invalid-charset", "字符集错误", "unknown or unsupported charset"),
    MISSING_SIGNATURE_TYPE("40001", "isv.missing-signature-type", "缺少签名类型参数", "the sign_type parameter is missing"),
    INVALID_SIGNATURE_TYPE("40002", "isv.invalid-signature-type", "无效的签名类型",
            "the sandbox accepts sign_type RSA2 only"),
    MISSING_SIGNATURE("40001", "isv.missing-signature", "缺少签名参数", "the sign parameter is missing"),
    MISSING_TIMESTAMP("40001", "isv.missing-timestamp", "缺少时间戳参数", "the timestamp parameter is missing"),
    INVALID_TIMESTAMP("40002", "isv.invalid-timestamp", "非法的时间戳参数",
            "timestamp must be yyyy-MM-dd HH:mm:ss (GMT+8)"),
    MISSING_VERSION("40001", "isv.missing-version", "缺少版本参数", "the version parameter is missing"),
    INVALID_ENCODING("40002", "isv.invalid-encoding", "参数编码错误", "the form is not valid URL encoding"),
    INVALID_SIGNATURE("40002", "isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配",
            "signature check failed: check the string signed and that the private key matches the app "
                    + "public key");

    private final String code;
    private final String subCode;
    private final String subMsgZh;
    private final String subMsgEn;

    GatewayError(String code, String subCode, String subMsgZh, String subMsgEn) {
        this.code = code;
        this.subCode = subCode;
        this.subMsgZh = subMsgZh;
        this.subMsgEn = subMsgEn;
    }

    String code() {
        return code;
    }

    String msg() {
        return "40001".equals(code) ? "Missing Required Arguments" : "Invalid Arguments";
    }

    String subCode() {
        return subCode;
    }

    String subMsgZh() {
        return subMsgZh;
    }

    String subMsgEn() {
        return subMsgEn;
    }
}
