package io.shoudan.store.terminal8583;

import java.util.Arrays;
import java.util.Objects;

/**
 * Card data as the vault keeps it (encrypted at rest). {@code pinBlock} is the terminal's field 52, still encrypted
 * under its PIK (identified by {@code pikCheckValueHex}); the vault never decrypts it.
 */
public record StoredCard(String pan, String track2, String expiry, String entryMode, byte[] pinBlock, String pikCheckValueHex) {
    public StoredCard {
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(entryMode, "entryMode");
        if (!pan.matches("[0-9]{12,19}")) {
            throw new IllegalArgumentException("a PAN is 12 to 19 digits");
        }
        pinBlock = pinBlock == null ? null : pinBlock.clone();
    }

    @Override
    public byte[] pinBlock() {
        return pinBlock == null ? null : pinBlock.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredCard c && pan.equals(c.pan) && Objects.equals(track2, c.track2) && Objects.equals(expiry, c.expiry)
                && entryMode.equals(c.entryMode) && Arrays.equals(pinBlock, c.pinBlock) && Objects.equals(pikCheckValueHex, c.pikCheckValueHex);
    }

    @Override
    public int hashCode() {
        return pan.hashCode();
    }

    /** Masked PAN (first 6 / last 4) only: never the track, the expiry or the PIN block. */
    @Override
    public String toString() {
        return "StoredCard[" + pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4)
                + (pinBlock == null ? "" : ", PIN entered") + "]";
    }
}
