package io.shoudan.server.terminal8583.store;

import io.shoudan.iso8583.key.KeyCheckValue;
import io.shoudan.iso8583.pin.Pan;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.RequestId;
import io.shoudan.server.terminal8583.CardVault;
import io.shoudan.store.terminal8583.CardVaultRepository;
import io.shoudan.store.terminal8583.StoredCard;

import java.util.HexFormat;
import java.util.Optional;

/** {@link CardVault} over the store's encrypted {@code card_vault} table. */
public final class StoreCardVault implements CardVault {
    private final CardVaultRepository repository;

    public StoreCardVault(CardVaultRepository repository) {
        this.repository = repository;
    }

    @Override
    public Instrument.CardReference deposit(RequestId request, CardPresentment card) {
        String token = repository.deposit(request, new StoredCard(card.pan().digits(), card.track2(), card.expiry(), card.entryMode(),
                card.pinBlock(), card.pik() == null ? null : HexFormat.of().withUpperCase().formatHex(card.pik().bytes())));
        return new Instrument.CardReference(token);
    }

    /** The channel's HSM has translated the PIN block: it is dropped from the vault (never at rest after that). */
    public void pinTranslated(Instrument.CardReference reference) {
        repository.forgetPinBlock(reference.token());
    }

    /** What a card channel adapter reads back (empty when unknown or purged). */
    public Optional<CardPresentment> find(Instrument.CardReference reference) {
        return repository.find(reference.token()).map(c -> new CardPresentment(new Pan(c.pan()), c.track2(), c.expiry(), c.entryMode(),
                c.pinBlock(), c.pikCheckValueHex() == null ? null : KeyCheckValue.ofHex(c.pikCheckValueHex())));
    }
}
