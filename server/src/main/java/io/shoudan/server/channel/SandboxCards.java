package io.shoudan.server.channel;

import io.shoudan.payment.Instrument;
import io.shoudan.sandbox.consumer.Pin;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Card data the ingress holds for a card reference, as the sandbox host needs it (PAN, the PIN the host
 * recovers from field 52). Stands in for the ISO 8583 ingress's card vault; never printed.
 */
public final class SandboxCards {

    /** A PAN and the PIN entered with it ({@code null}: none). */
    public record CardData(String pan, Pin pin) {
        public CardData {
            Objects.requireNonNull(pan, "pan");
        }

        @Override
        public String toString() {
            return "CardData[****]";
        }
    }

    private final Map<Instrument.CardReference, CardData> cards = new ConcurrentHashMap<>();

    public void hold(Instrument.CardReference reference, CardData data) {
        cards.put(reference, data);
    }

    public Optional<CardData> find(Instrument.CardReference reference) {
        return Optional.ofNullable(cards.get(reference));
    }
}
