package io.shoudan.store.snapshot;

import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.Usage;
import io.shoudan.method.PaymentMethod;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.ConfigVersions;
import io.shoudan.store.database.RowColumns;
import io.shoudan.store.database.schema.tables.records.MerchantsRecord;
import io.shoudan.store.database.schema.tables.records.TerminalsRecord;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.TerminalSn;
import org.jooq.Field;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.shoudan.store.database.schema.Tables.MERCHANTS;
import static io.shoudan.store.database.schema.Tables.TERMINALS;

/**
 * A sale's live snapshot in one statement and one round trip: the terminal with its model's
 * capabilities, its enabled methods and its faults, the merchant with its products, switched-off methods and
 * usage today / this month (from {@code merchant_usage_daily}), the active policy version and the
 * configuration counters. The child rows come back aggregated into one text column each
 * ({@code string_agg}, which H2 reads too), so the answer is one row whatever their number.
 *
 * <p>Read without a transaction: under READ COMMITTED one statement is one consistent view, which
 * the separate reads it replaces were not.
 */
public final class SnapshotQuery {

    private static final List<Field<?>> TERMINAL_COLUMNS = List.of(TERMINALS.fields());
    private static final List<Field<?>> MERCHANT_COLUMNS = List.of(MERCHANTS.fields());

    static final String SQL = "SELECT "
            + RowColumns.select("t", TERMINAL_COLUMNS) + ", " + RowColumns.select("m", MERCHANT_COLUMNS) + ","
            + " (SELECT string_agg(c.capability, ',') FROM terminal_model_capabilities c WHERE c.model = t.model) AS capabilities,"
            + " (SELECT string_agg(e.payment_method, ',') FROM terminal_enabled_methods e WHERE e.terminal_sn = t.terminal_sn)"
            + " AS enabled_methods,"
            + " (SELECT string_agg(f.capability, ',') FROM terminal_faults f WHERE f.terminal_sn = t.terminal_sn) AS faults,"
            + " (SELECT string_agg(p.product || ':' || p.status, ',') FROM merchant_products p WHERE p.merchant_id = m.merchant_id)"
            + " AS products,"
            + " (SELECT COUNT(*) FROM merchant_products p WHERE p.merchant_id = m.merchant_id AND (p.status = 'REJECTED'"
            + " OR p.since_at IS NOT NULL OR p.channel_status IS NOT NULL OR NOT p.consent)) AS detailed_products,"
            + " (SELECT string_agg(d.payment_method, ',') FROM merchant_disabled_methods d WHERE d.merchant_id = m.merchant_id)"
            + " AS disabled_methods,"
            + " (SELECT string_agg(u.payment_method || ':' || u.today_fen || ':' || u.month_fen, ',') FROM"
            + " (SELECT payment_method, SUM(CASE WHEN business_day = ? THEN amount_fen ELSE 0 END) AS today_fen,"
            + " SUM(amount_fen) AS month_fen FROM merchant_usage_daily"
            + " WHERE merchant_id = ? AND business_day BETWEEN ? AND ? GROUP BY payment_method) u) AS usage_totals,"
            + " (SELECT a.policy_version FROM policy_active a WHERE a.singleton = 1) AS policy_version,"
            + " (SELECT v.version FROM config_versions v WHERE v.subject = '" + ConfigVersions.CHANNEL_CONNECTIONS + "')"
            + " AS channels_version,"
            + " (SELECT v.version FROM config_versions v WHERE v.subject = '" + ConfigVersions.MAINTENANCE_WINDOWS + "')"
            + " AS maintenance_version,"
            + " (SELECT v.version FROM config_versions v WHERE v.subject = '" + ConfigVersions.RATE_CARDS + "')"
            + " AS rate_cards_version"
            + " FROM terminals t LEFT JOIN merchants m ON m.merchant_id = ?"
            + " WHERE t.terminal_sn = ?";

    private final Database database;
    private final ZoneId businessZone;

    /** @param businessZone where "today" and "this month" begin and end (China: {@code Asia/Shanghai}) */
    public SnapshotQuery(Database database, ZoneId businessZone) {
        this.database = database;
        this.businessZone = businessZone;
    }

    /** Empty when there is no such terminal; a missing merchant is an empty {@link StoredSnapshot#merchant()}. */
    public Optional<StoredSnapshot> read(MerchantId merchantId, TerminalSn sn, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(businessZone).toLocalDate();
        Optional<Read> read = database.dsl().connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setObject(1, day);
                statement.setString(2, merchantId.value());
                statement.setObject(3, day.withDayOfMonth(1));
                statement.setObject(4, day);
                statement.setString(5, merchantId.value());
                statement.setString(6, sn.value());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(new Read(snapshot(row), row.getLong("detailed_products") > 0))
                            : Optional.<Read>empty();
                }
            }
        });
        // A product with an onboarding state beyond its status (under review since, rejected with the reviewer's
        // fields, consent, the channel's report) is read whole by a second query, after the first connection is
        // back in the pool: only merchants in onboarding, or refused for it, pay that round trip.
        return read.map(r -> r.productsDetailed() ? r.snapshot().withProducts(MerchantRepository.productStates(database, merchantId))
                : r.snapshot());
    }

    private record Read(StoredSnapshot snapshot, boolean productsDetailed) {
    }

    private static StoredSnapshot snapshot(ResultSet row) throws SQLException {
        TerminalsRecord terminal = RowColumns.read(row, "t", new TerminalsRecord(), TERMINAL_COLUMNS);
        Optional<Merchant> merchant = Optional.empty();
        if (row.getString("m_" + MERCHANTS.MERCHANT_ID.getName()) != null) {
            MerchantsRecord stored = RowColumns.read(row, "m", new MerchantsRecord(), MERCHANT_COLUMNS);
            Map<Product, ProductState> products = new EnumMap<>(Product.class);
            for (String pair : list(row.getString("products"))) {
                String[] parts = pair.split(":");
                products.put(Product.valueOf(parts[0]), ProductState.of(ProductStatus.valueOf(parts[1])));
            }
            Map<PaymentMethod, Usage> usage = new EnumMap<>(PaymentMethod.class);
            for (String triple : list(row.getString("usage_totals"))) {
                String[] parts = triple.split(":");
                MerchantRepository.putUsage(usage, PaymentMethod.valueOf(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
            merchant = Optional.of(MerchantRepository.toMerchant(stored, products,
                    enums(row.getString("disabled_methods"), PaymentMethod.class, PaymentMethod::valueOf), usage));
        }
        long policy = row.getLong("policy_version");
        Optional<Long> policyVersion = row.wasNull() ? Optional.empty() : Optional.of(policy);
        return new StoredSnapshot(merchant, TerminalRepository.toTerminal(terminal,
                enums(row.getString("capabilities"), Capability.class, Capability::valueOf),
                enums(row.getString("enabled_methods"), PaymentMethod.class, PaymentMethod::valueOf),
                enums(row.getString("faults"), Capability.class, Capability::valueOf)),
                policyVersion, row.getLong("channels_version"), row.getLong("maintenance_version"),
                row.getLong("rate_cards_version"));
    }

    private static List<String> list(String aggregated) {
        return aggregated == null || aggregated.isEmpty() ? List.of() : List.of(aggregated.split(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String aggregated, Class<E> type, Function<String, E> parse) {
        Set<E> set = EnumSet.noneOf(type);
        list(aggregated).forEach(name -> set.add(parse.apply(name)));
        return set;
    }
}
