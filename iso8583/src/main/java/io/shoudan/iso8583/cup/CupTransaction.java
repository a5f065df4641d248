package io.shoudan.iso8583.cup;

import io.shoudan.iso8583.message.FieldView;

import java.util.Optional;

/**
 * The financial transactions of the CUP POS spec, told apart by MTI, processing code (field 3), condition code
 * (field 25) and transaction type code (60.1). Reversal (0400) carries the original's values.
 */
public enum CupTransaction {
    BALANCE_INQUIRY("0200", "310000", "00", "01"),
    PRE_AUTH("0100", "030000", "06", "10"),
    PRE_AUTH_VOID("0100", "200000", "06", "11"),
    PRE_AUTH_COMPLETION("0200", "000000", "06", "20"),
    SALE("0200", "000000", "00", "22"),
    VOID("0200", "200000", "00", "23"),
    REFUND("0220", "200000", "00", "25");

    private final String mti;
    private final String processingCode;
    private final String conditionCode;
    private final String typeCode;

    CupTransaction(String mti, String processingCode, String conditionCode, String typeCode) {
        this.mti = mti;
        this.processingCode = processingCode;
        this.conditionCode = conditionCode;
        this.typeCode = typeCode;
    }

    public String mti() {
        return mti;
    }

    public String processingCode() {
        return processingCode;
    }

    public String conditionCode() {
        return conditionCode;
    }

    /** 60.1 交易类型码. */
    public String typeCode() {
        return typeCode;
    }

    /**
     * The transaction a request (or a 0400 reversal of one) is, or empty when the combination is not in the
     * table. A reversal matches on its original's processing code, condition code and type code.
     */
    public static Optional<CupTransaction> identify(FieldView m) {
        String f3 = m.getString(3);
        String f25 = m.getString(25);
        String f60 = m.getString(60);
        if (f3 == null || f25 == null || f60 == null || f60.length() < 2) {
            return Optional.empty();
        }
        String type = f60.substring(0, 2);
        boolean reversal = "0400".equals(m.mti());
        for (CupTransaction t : values()) {
            if ((reversal || t.mti.equals(m.mti())) && t.processingCode.equals(f3) && t.conditionCode.equals(f25)
                    && t.typeCode.equals(type)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
