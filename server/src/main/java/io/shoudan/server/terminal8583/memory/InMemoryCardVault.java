package io.shoudan.server.terminal8583.memory;

import io.shoudan.payment.Instrument;
import io.shoudan.payment.RequestId;
import io.shoudan.server.terminal8583.CardVault;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CardVault} in memory. The reference is {@code card-} + an HMAC-SHA256 (under a random key of this vault)
 * of the request id and the card number, so it repeats for the same card in the same request, differs for another
 * card, and reveals nothing about the card.
 */
public final class InMemoryCardVault implements CardVault {
    private final SecretKeySpec key;
    private final Map<String, CardPresentment> cards = new ConcurrentHashMap<>();

    public InMemoryCardVault(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    @Override
    public Instrument.CardReference deposit(RequestId request, CardPresentment card) {
        String token;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(request.value().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(card.pan().digits().getBytes(StandardCharsets.US_ASCII));
            token = "card-" + HexFormat.of().formatHex(mac.doFinal(), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        cards.putIfAbsent(token, card);
        return new Instrument.CardReference(token);
    }

    /** What a card channel adapter would read back. */
    public Optional<CardPresentment> find(Instrument.CardReference reference) {
        return Optional.ofNullable(cards.get(reference.token()));
    }
}
