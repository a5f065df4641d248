package io.shoudan.sandbox.consumer;

/** What a channel finds when it looks up a scanned payment code. */
public sealed interface Redemption {

    /** The code is live and now spent: nobody can pay with it again. */
    record Valid(IssuedCode code) implements Redemption {
    }

    /** Not this channel's format (wrong length, prefix, or not digits). */
    record Malformed() implements Redemption {
    }

    /** Right format, but never issued. */
    record Unknown() implements Redemption {
    }

    /** Issued and already used for a payment. */
    record AlreadyUsed(IssuedCode code) implements Redemption {
    }

    /** Issued, unused, but its time is up. */
    record Expired(IssuedCode code) implements Redemption {
    }
}
