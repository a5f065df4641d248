package io.shoudan.channels.mapping;

/**
 * Public reason codes the channel tables would rather use than the catalogue's nearest code; they are
 * not in {@code REASONS.md} yet (core owns the catalogue). A row naming one of them falls back to its
 * nearest catalogue code until the catalogue has it, then uses it without any change here.
 */
public final class ProposedReasons {

    /** Wrong or missing PIN (field 39 55). CONSUMER / CONSUMER / NOW. */
    public static final String CONSUMER_PIN_INVALID = "CONSUMER.PIN_INVALID";
    /** The card's bank refused without saying why (05 do not honour, ACQ.PAYMENT_FAIL). CONSUMER / CONSUMER / AFTER_FIX. */
    public static final String CONSUMER_ISSUER_DECLINED = "CONSUMER.ISSUER_DECLINED";
    /** The consumer's own single / daily limit (ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR, 61, 65). CONSUMER / CONSUMER / LATER. */
    public static final String CONSUMER_LIMIT_EXCEEDED = "CONSUMER.LIMIT_EXCEEDED";
    /** The consumer has not passed real-name certification (ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT). CONSUMER / CONSUMER / AFTER_FIX. */
    public static final String CONSUMER_NOT_CERTIFIED = "CONSUMER.NOT_CERTIFIED";
    /** The instrument the consumer chose is not accepted here (WeChat NOTSUPORTCARD under limit_pay). CONSUMER / CONSUMER / NOW. */
    public static final String CONSUMER_INSTRUMENT_NOT_ACCEPTED = "CONSUMER.INSTRUMENT_NOT_ACCEPTED";
    /** The channel rejected our request as malformed or unauthorised (ACQ.INVALID_PARAMETER, PARAM_ERROR, isv.*, 30). INTEGRATION / ACQUIRER / AFTER_FIX. */
    public static final String INTEGRATION_REQUEST_REJECTED = "INTEGRATION.REQUEST_REJECTED";
    /** The channel refused with a code no table knows (the raw code is kept; counted in metrics). INTEGRATION / ACQUIRER / AFTER_FIX. */
    public static final String INTEGRATION_UNMAPPED_REFUSAL = "INTEGRATION.UNMAPPED_REFUSAL";
    /** The trade number is closed or reversed at the channel: start a new sale (ACQ.TRADE_HAS_CLOSE, ORDERCLOSED, ORDERREVERSED). OPERATION / CASHIER / NOW. */
    public static final String OPERATION_TRADE_CLOSED = "OPERATION.TRADE_CLOSED";

    private ProposedReasons() {
    }
}
