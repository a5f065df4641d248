package io.shoudan.sandbox.unionpay;

/** The financial transactions of the simulated host, with their request MTI and processing code. */
public enum TransactionType {
    SALE("0200", "000000", "22"),
    VOID("0200", "200000", "23"),
    REFUND("0220", "200000", "25");

    private final String mti;
    private final String processingCode;
    private final String field60Type;

    TransactionType(String mti, String processingCode, String field60Type) {
        this.mti = mti;
        this.processingCode = processingCode;
        this.field60Type = field60Type;
    }

    public String mti() {
        return mti;
    }

    /** Field 3. */
    public String processingCode() {
        return processingCode;
    }

    /** Field 60.1. */
    public String field60Type() {
        return field60Type;
    }

    /** The response MTI: request MTI + 10. */
    public String responseMti() {
        return mti.substring(0, 2) + (char) (mti.charAt(2) + 1) + mti.charAt(3);
    }
}
