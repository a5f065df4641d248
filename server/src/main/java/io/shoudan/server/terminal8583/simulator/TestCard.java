package io.shoudan.server.terminal8583.simulator;

import io.shoudan.iso8583.pin.Pan;
import io.shoudan.iso8583.pin.Pin;

import java.util.Objects;

/** A test card: PAN, expiry (YYMM) and the PIN the cardholder types (null: no PIN). Prints masked. */
public record TestCard(Pan pan, String expiryYymm, Pin pin) {
    public TestCard {
        Objects.requireNonNull(pan, "pan");
        if (expiryYymm == null || !expiryYymm.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("expiry is YYMM");
        }
    }

    public static TestCard of(String pan, String expiryYymm, String pin) {
        return new TestCard(new Pan(pan), expiryYymm, pin == null ? null : Pin.of(pin));
    }

    /** Track 2 as a magnetic stripe carries it: PAN = expiry, service code 201, discretionary data. */
    public String track2() {
        String t = pan.digits() + "=" + expiryYymm + "201" + "12345000000";
        return t.length() > 37 ? t.substring(0, 37) : t;
    }

    @Override
    public String toString() {
        return "TestCard[" + pan + "]";
    }
}
