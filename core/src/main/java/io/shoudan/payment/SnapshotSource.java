package io.shoudan.payment;

import io.shoudan.eligibility.Snapshot;
import io.shoudan.merchant.MerchantId;
import io.shoudan.terminal.TerminalSn;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Port: the live state the gate decides on — merchant (with its usage today and this month), terminal,
 * the current policy version, channel health and maintenance windows — read from the store and the
 * channels' circuit breakers. Live payments have no consumer simulation ({@code consumer} is null).
 */
@FunctionalInterface
public interface SnapshotSource {

    /** Empty when the terminal is not registered to the merchant. */
    Optional<Snapshot> snapshot(MerchantId merchant, TerminalSn terminal, OffsetDateTime at);
}
