package io.shoudan.server.terminal8583;

import io.shoudan.method.Channel;
import io.shoudan.reason.Evidence;
import io.shoudan.reason.ReasonCode;
import io.shoudan.reason.ReasonFacts;

import java.time.Instant;

/**
 * Why the terminal host answers a message without the payment service, or how it tells a sale still open: one
 * record per case with the facts the host has (field 41 and 42 as the terminal sent them, the session's expiry, a
 * masked code, the channel). The evidence keys are the ones the host has always sent in field 63 and stored.
 */
sealed interface HostRefusal extends ReasonFacts {

    /** A refusal whose only fact is the terminal, as field 41 named it: its evidence is written once, here. */
    sealed interface OfTerminal extends HostRefusal {
        String terminalId();

        default Evidence evidence() {
            return Evidence.of("terminal", terminalId());
        }
    }

    /** Field 41 names no terminal the acquirer has bound (or activated). */
    record TerminalNotActivated(String terminalId) implements OfTerminal {
        public ReasonCode code() {
            return ReasonCode.TERMINAL_NOT_ACTIVATED;
        }
    }

    /** Fields 41 and 42 name a terminal that is not this merchant's. */
    record TerminalUnbound(String terminalId, String acceptorId) implements HostRefusal {
        public ReasonCode code() {
            return ReasonCode.TERMINAL_UNBOUND;
        }

        public Evidence evidence() {
            return Evidence.of("terminal", terminalId, "merchant", acceptorId);
        }
    }

    /** The terminal has no working keys: it must sign on (签到) first. */
    record NotSignedOn(String terminalId) implements OfTerminal {
        public ReasonCode code() {
            return ReasonCode.TERMINAL_NOT_SIGNED_ON;
        }
    }

    /** The working keys of the terminal's session expired at {@code expiredAt}. */
    record KeysExpired(String terminalId, Instant expiredAt) implements HostRefusal {
        public ReasonCode code() {
            return ReasonCode.SECURITY_KEY_EXPIRED;
        }

        public Evidence evidence() {
            return Evidence.of("terminal", terminalId, "expiredAt", expiredAt);
        }
    }

    /** The message's MAC (field 64) did not verify under the session's MAK. */
    record MacInvalid(String terminalId) implements OfTerminal {
        public ReasonCode code() {
            return ReasonCode.SECURITY_MAC_INVALID;
        }
    }

    /** Field 48 holds a string that is no channel's payment code ({@code maskedCode} as printed, never whole). */
    record UnrecognizedCode(String maskedCode) implements HostRefusal {
        public ReasonCode code() {
            return ReasonCode.OPERATION_UNRECOGNIZED_CODE;
        }

        public Evidence evidence() {
            return Evidence.of("code", maskedCode);
        }
    }

    /** The channel has not settled the payment yet: {@code outcome} is where it stands. */
    record StillOpen(Channel channel, Object outcome) implements HostRefusal {
        public ReasonCode code() {
            return ReasonCode.NETWORK_CHANNEL_TIMEOUT;
        }

        public Evidence evidence() {
            return Evidence.of("channel", channel, "outcome", outcome);
        }
    }

    /** A payment that ended without the money and without a channel's or the gate's reason: {@code state} is all there is. */
    record EndedWithoutReason(Object state) implements HostRefusal {
        public ReasonCode code() {
            return ReasonCode.NETWORK_CHANNEL_TIMEOUT;
        }

        public Evidence evidence() {
            return Evidence.of("outcome", state);
        }
    }
}
