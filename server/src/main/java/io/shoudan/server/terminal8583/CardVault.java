package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.key.KeyCheckValue;
import io.shoudan.iso8583.pin.Pan;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.RequestId;

import java.util.Arrays;
import java.util.Objects;

/**
 * Port: keeps the card data of a card sale outside the payment domain and gives the payment service an opaque
 * {@link Instrument.CardReference} for it (the card channel adapter resolves it when it sends the sale on).
 *
 * <p>The reference must be the same for the same card in the same request (so a repeated request is recognised
 * as the same sale) and different for a different card (so a changed retry is refused), and must not reveal the
 * card number. What the store must provide: encrypted card data with a retention limit (PCI DSS); the PIN block
 * is kept only until the channel has translated it in the HSM, never at rest after that.
 */
public interface CardVault {

    Instrument.CardReference deposit(RequestId request, CardPresentment card);

    /**
     * What the terminal sent about the card. The PIN block stays encrypted under the terminal's PIK (identified by
     * its check value) — the endpoint never decrypts it; translation to the network's key belongs to the HSM.
     */
    record CardPresentment(Pan pan, String track2, String expiry, String entryMode, byte[] pinBlock, KeyCheckValue pik) {
        public CardPresentment {
            Objects.requireNonNull(pan, "pan");
            Objects.requireNonNull(entryMode, "entryMode");
            pinBlock = pinBlock == null ? null : pinBlock.clone();
        }

        /** The same card, its PIN block (if any) marked as encrypted under the PIK with check value {@code pik}. */
        public CardPresentment underPik(KeyCheckValue pik) {
            return new CardPresentment(pan, track2, expiry, entryMode, pinBlock, pinBlock == null ? null : pik);
        }

        @Override
        public byte[] pinBlock() {
            return pinBlock == null ? null : pinBlock.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CardPresentment c && pan.equals(c.pan) && Objects.equals(track2, c.track2)
                    && Objects.equals(expiry, c.expiry) && entryMode.equals(c.entryMode) && Arrays.equals(pinBlock, c.pinBlock)
                    && Objects.equals(pik, c.pik);
        }

        @Override
        public int hashCode() {
            return pan.hashCode();
        }

        /** Masked PAN only: never the track, the expiry or the PIN block. */
        @Override
        public String toString() {
            return "CardPresentment[" + pan + ", entry " + entryMode + (pinBlock == null ? "" : ", PIN entered") + "]";
        }
    }
}
