package io.shoudan.iso8583.key;

import java.util.Objects;

/**
 * A terminal's working keys: the PIN key (PIK, also TPK) that encrypts PIN blocks and the MAC key (MAK, also
 * TAK). Printing shows check values only.
 */
public record WorkingKeys(KeyScheme scheme, SymmetricKey pik, SymmetricKey mak) {
    public WorkingKeys {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(pik, "pik");
        Objects.requireNonNull(mak, "mak");
        if (pik.length() != scheme.pikBytes() || mak.length() != scheme.makBytes()
                || (scheme == KeyScheme.SM4) != (pik instanceof Sm4Key) || (scheme == KeyScheme.SM4) != (mak instanceof Sm4Key)) {
            throw new IllegalArgumentException("keys do not fit scheme " + scheme + ": PIK " + pik.length()
                    + " bytes, MAK " + mak.length() + " bytes");
        }
    }
}
