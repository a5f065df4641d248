package io.shoudan.server.terminal8583.simulator;

import io.shoudan.iso8583.frame.Tpdu;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.SymmetricKey;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.server.terminal8583.AcceptorId;
import io.shoudan.terminal.TerminalId;

import java.util.Objects;

/** What a simulated terminal is loaded with at deployment: its ids, TMK, key scheme, MAC algorithm and TPDU. */
public record TerminalProfile(TerminalId terminalId, AcceptorId acceptorId, SymmetricKey tmk, KeyScheme scheme, MacAlgorithm mac,
                              Tpdu tpdu) {
    public TerminalProfile {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(acceptorId, "acceptorId");
        Objects.requireNonNull(tmk, "tmk");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(tpdu, "tpdu");
    }

    /** A double-length 3DES terminal with the UnionPay ECB MAC and TPDU 60 0003 0000. */
    public static TerminalProfile tdes(TerminalId terminalId, AcceptorId acceptorId, SymmetricKey tmk) {
        return new TerminalProfile(terminalId, acceptorId, tmk, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB, new Tpdu(0x0003, 0x0000));
    }
}
