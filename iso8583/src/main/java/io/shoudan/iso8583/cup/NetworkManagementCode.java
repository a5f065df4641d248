package io.shoudan.iso8583.cup;

import java.util.Optional;

/** 60.3 网络管理信息码 of the CUP POS spec. */
public enum NetworkManagementCode {
    /** Sign-on, single-length keys 单倍长密钥签到. */
    SIGN_ON_SINGLE_DES("001"),
    /** Sign-off 签退. */
    SIGN_OFF("002"),
    /** Sign-on, double-length keys 双倍长密钥签到. */
    SIGN_ON_DOUBLE_LENGTH("003"),
    /** Sign-on, double-length keys with a track key 双倍长密钥（含磁道密钥）签到. */
    SIGN_ON_DOUBLE_LENGTH_WITH_TDK("004"),
    /** Batch settlement 批结算. */
    SETTLEMENT("201"),
    /** Echo test 回响测试. */
    ECHO("301"),
    /** Not a network management message. */
    NONE("000");

    private final String code;

    NetworkManagementCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<NetworkManagementCode> of(String code) {
        for (NetworkManagementCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
