package io.shoudan.store.database;

import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Migration V5: fills {@code merchant_usage_daily} (V4) from the payments stored before it, with the
 * same rule the store applies to every payment since — the amount of each payment whose state counts
 * as usage, on the Beijing date it was created. In Java because that date is computed the same way
 * on both databases only here.
 */
public final class BackfillMerchantUsage extends CodeMigration {

    private static final int BATCH_ROWS = 500;

    /** The payment states whose amount counts as usage ({@link PaymentState#countsAsUsage}), as SQL literals: {@code 'PROCESSING', …}. */
    public static final String COUNTED_STATES = Arrays.stream(PaymentState.values()).filter(PaymentState::countsAsUsage)
            .map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));

    public BackfillMerchantUsage() {
        super("5", "backfill merchant usage daily");
    }

    @Override
    void migrate(Connection connection) throws SQLException {
        fill(connection);
    }

    /** Adds the usage of every stored payment to an empty {@code merchant_usage_daily}. */
    public static void fill(Connection connection) throws SQLException {
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Object[]> keys = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT merchant_id, payment_method, created_at, amount_fen"
                + " FROM payments WHERE state IN (" + COUNTED_STATES + ")")) {
            select.setFetchSize(BATCH_ROWS);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String merchant = rows.getString(1);
                    String method = rows.getString(2);
                    LocalDate day = rows.getObject(3, OffsetDateTime.class).atZoneSameInstant(PaymentService.BUSINESS_ZONE).toLocalDate();
                    String key = merchant + '\u0000' + method + '\u0000' + day;
                    keys.putIfAbsent(key, new Object[] {merchant, method, day});
                    totals.computeIfAbsent(key, k -> new long[1])[0] += rows.getLong(4);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO merchant_usage_daily (merchant_id, payment_method, business_day, amount_fen) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<String, long[]> total : totals.entrySet()) {
                Object[] key = keys.get(total.getKey());
                insert.setString(1, (String) key[0]);
                insert.setString(2, (String) key[1]);
                insert.setObject(3, key[2]);
                insert.setLong(4, total.getValue()[0]);
                insert.addBatch();
                if (++pending == BATCH_ROWS) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
