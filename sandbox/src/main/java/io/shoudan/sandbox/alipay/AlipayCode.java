package io.shoudan.sandbox.alipay;

/** The top-level {@code code} of every Alipay Open API answer, with its {@code msg}. */
public enum AlipayCode {
    SUCCESS("10000", "Success"),
    /** The buyer must confirm with the password: the result comes later, query. */
    WAITING_FOR_BUYER("10003", "Order success pay inprocess"),
    /** Service unavailable: the result is unknown, query. */
    UNKNOWN("20000", "Service Currently Unavailable"),
    INVALID_ARGUMENTS("40002", "Invalid Arguments"),
    /** A business refusal; {@code sub_code} says which. */
    BUSINESS_FAILED("40004", "Business Failed");

    private final String wire;
    private final String msg;

    AlipayCode(String wire, String msg) {
        this.wire = wire;
        this.msg = msg;
    }

    /** The code as it appears on the wire, e.g. {@code "40004"}. */
    public String wire() {
        return wire;
    }

    public String msg() {
        return msg;
    }
}
