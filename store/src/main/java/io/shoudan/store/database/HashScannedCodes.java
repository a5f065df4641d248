package io.shoudan.store.database;

import io.shoudan.method.PaymentCode;
import io.shoudan.payment.Instrument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Migration V8: the scanned payment codes stored before it ({@code payments.instrument_value} of kind
 * {@code SCANNED_CODE}) are replaced by their SHA-256 fingerprint, as the store writes them since
 * ({@link Instrument.ScannedCode}); the masked form is filled in where it is missing. In Java because the
 * digest is computed the same way on both databases only here. Rows that already hold a fingerprint are
 * left as they are (a code is at most 32 characters, a fingerprint 64 hex digits), so running it twice
 * changes nothing.
 */
public final class HashScannedCodes extends CodeMigration {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final int BATCH_ROWS = 500;

    public HashScannedCodes() {
        super("8", "hash scanned codes");
    }

    @Override
    void migrate(Connection connection) throws SQLException {
        hashAll(connection);
    }

    /** Replaces every stored scanned code by its fingerprint, in batches as it reads; answers how many rows it changed. */
    public static int hashAll(Connection connection) throws SQLException {
        int changed = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT merchant_id, payment_id, instrument_value FROM payments WHERE instrument_kind = 'SCANNED_CODE'");
             PreparedStatement update = connection.prepareStatement("UPDATE payments SET instrument_value = ?,"
                     + " payment_code_masked = COALESCE(payment_code_masked, ?) WHERE merchant_id = ? AND payment_id = ?")) {
            select.setFetchSize(BATCH_ROWS);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String value = rows.getString(3);
                    if (value == null || FINGERPRINT.matcher(value).matches()) {
                        continue;
                    }
                    update.setString(1, Instrument.ScannedCode.fingerprintOf(value));
                    update.setString(2, PaymentCode.masked(value));
                    update.setString(3, rows.getString(1));
                    update.setString(4, rows.getString(2));
                    update.addBatch();
                    if (++changed % BATCH_ROWS == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        return changed;
    }
}
