package io.shoudan.reason;

/** One cause of a refusal or warning: a catalogue code and the facts behind it. */
public record Reason(ReasonCode code, Evidence evidence) {

    public Reason {
        if (code == null) {
            throw new IllegalArgumentException("a reason needs a code");
        }
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    public static Reason of(ReasonCode code, Object... evidence) {
        return new Reason(code, Evidence.of(evidence));
    }

    /** The reason its typed facts make: the code and evidence the facts record gives. */
    public static Reason of(ReasonFacts facts) {
        return facts.reason();
    }

    public boolean blocking() {
        return code.blocking();
    }
}
