package io.shoudan.reason;

/**
 * A reason's facts as a typed value (a record per code, e.g. a refund above what is left names the original, the
 * amount asked for and what is refundable), so that a reason built without a fact its texts name does not compile.
 * The record gives the public evidence object — the keys and value forms the JSON carries and the texts in
 * {@link ReasonTexts} name — and {@link #reason()} the reason that travels, is stored and is read back.
 */
public interface ReasonFacts {

    ReasonCode code();

    /** The facts as public evidence: the JSON's keys, in their order, with values rendered by {@link Evidence}. */
    Evidence evidence();

    default Reason reason() {
        return new Reason(code(), evidence());
    }
}
