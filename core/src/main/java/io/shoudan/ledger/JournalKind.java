package io.shoudan.ledger;

/** The money movement a journal records; a movement is booked once, so a journal's id derives from its source and kind. */
public enum JournalKind {
    /** A payment succeeded: the channel owes the amount, the acquirer owes it to the merchant. */
    SALE(false),
    /** The fee on a successful payment, taken from the merchant payable. */
    FEE(false),
    /** Money given back to the consumer after the payment succeeded. */
    REFUND(true),
    /** A same-day void: the whole payment given back before settlement. */
    VOID(true),
    /** The part of the fee given back with a refund or a void. */
    FEE_RETURN(true),
    /** The channel took the money but the payment was cancelled or reversed while its outcome was unknown. */
    REVERSAL(false);

    private final boolean needsAdjustment;

    JournalKind(boolean needsAdjustment) {
        this.needsAdjustment = needsAdjustment;
    }

    /** True when the journal belongs to a refund or void record as well as to the payment. */
    public boolean needsAdjustment() {
        return needsAdjustment;
    }
}
