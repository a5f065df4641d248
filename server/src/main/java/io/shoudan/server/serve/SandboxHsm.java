package io.shoudan.server.serve;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyCheckValue;
import io.shoudan.iso8583.key.SymmetricKey;
import io.shoudan.payment.Instrument;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.server.channel.SandboxCards;
import io.shoudan.server.terminal8583.CardVault;
import io.shoudan.server.terminal8583.TerminalKeys;
import io.shoudan.server.terminal8583.store.StoreCardVault;
import io.shoudan.terminal.TerminalSn;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the card channel's HSM when the channels are the sandbox: the UnionPay sandbox host wants the PAN
 * and the PIN the cardholder entered, where a real acquirer's HSM would translate the PIN block from the terminal's
 * PIK to the network's key. It watches the terminals' working keys (as the endpoint reads or replaces them), and
 * when a card is deposited it decrypts the format-0 PIN block under the PIK named by its check value, in memory,
 * and hands PAN and PIN to {@link SandboxCards}. Nothing is logged or stored; with real channels this class is not
 * wired at all and the PIN block stays encrypted end to end.
 */
final class SandboxHsm {

    private final Map<KeyCheckValue, SymmetricKey> piks = new ConcurrentHashMap<>();
    private final Map<TerminalSn, KeyCheckValue> current = new ConcurrentHashMap<>();
    private final SandboxCards cards;

    SandboxHsm(SandboxCards cards) {
        this.cards = cards;
    }

    TerminalKeys watching(TerminalKeys keys) {
        return new TerminalKeys() {
            @Override
            public Optional<MasterKey> masterKey(TerminalSn terminal) {
                return keys.masterKey(terminal);
            }

            @Override
            public Optional<Session> session(TerminalSn terminal) {
                Optional<Session> session = keys.session(terminal);
                session.ifPresent(s -> remember(terminal, s.keys().pik()));
                return session;
            }

            @Override
            public void signedOn(TerminalSn terminal, Session session) {
                keys.signedOn(terminal, session);
                remember(terminal, session.keys().pik());
            }

            @Override
            public void signedOff(TerminalSn terminal) {
                keys.signedOff(terminal);
                KeyCheckValue old = current.remove(terminal);
                if (old != null) {
                    piks.remove(old);
                }
            }
        };
    }

    /** Deposits in the vault, translates the PIN for the sandbox host, then drops the PIN block from the vault. */
    CardVault translating(StoreCardVault vault) {
        return (request, card) -> {
            Instrument.CardReference reference = vault.deposit(request, card);
            Optional<Pin> pin = pin(card);
            cards.hold(reference, new SandboxCards.CardData(card.pan().digits(), pin.orElse(null)));
            if (pin.isPresent()) {
                vault.pinTranslated(reference);
            }
            return reference;
        };
    }

    private void remember(TerminalSn terminal, SymmetricKey pik) {
        KeyCheckValue kcv = pik.checkValue();
        KeyCheckValue old = current.put(terminal, kcv);
        if (old != null && !old.equals(kcv)) {
            piks.remove(old);
        }
        piks.put(kcv, pik);
    }

    /** The PIN of an ISO 9564 format-0 block, or empty (no PIN entered, unknown PIK, not format 0). */
    private Optional<Pin> pin(CardVault.CardPresentment card) {
        byte[] field52 = card.pinBlock();
        if (field52 == null || field52.length != 8 || card.pik() == null || !(piks.get(card.pik()) instanceof DesKey pik)) {
            return Optional.empty();
        }
        byte[] block = pik.decryptEcb(field52);
        try {
            String pan = card.pan().digits();
            String twelve = pan.substring(pan.length() - 13, pan.length() - 1);
            for (int i = 0; i < 6; i++) {
                block[2 + i] ^= (byte) Integer.parseInt(twelve.substring(2 * i, 2 * i + 2), 16);
            }
            int control = (block[0] >> 4) & 0xF;
            int length = block[0] & 0xF;
            if (control != 0 || length < 4 || length > 12) {
                return Optional.empty();
            }
            char[] digits = new char[length];
            for (int i = 0; i < length; i++) {
                int nibble = (block[(i + 2) / 2] >> ((i + 2) % 2 == 0 ? 4 : 0)) & 0xF;
                if (nibble > 9) {
                    return Optional.empty();
                }
                digits[i] = (char) ('0' + nibble);
            }
            Pin pin = Pin.of(new String(digits));
            Arrays.fill(digits, '\0');
            return Optional.of(pin);
        } finally {
            Arrays.fill(block, (byte) 0);
            Arrays.fill(field52, (byte) 0);
        }
    }
}
