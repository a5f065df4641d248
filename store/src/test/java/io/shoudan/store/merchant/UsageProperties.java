package io.shoudan.store.merchant;

import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.Usage;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.PaymentState;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.TestClock;
import io.shoudan.store.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage filled in from payments stored before V4 (migration V5, {@code BackfillMerchantUsage}, which
 * {@link Fixtures#insertPayment} runs after each row it writes straight into the table) is the
 * merchant's own history, summed: on both databases, for any payments at any moment, it equals a plain
 * Java model of "counted states, same business day / same month up to today's end". (Usage kept by
 * the payment store as payments move is checked against core's model in DurablePaymentProperties.)
 */
class UsageProperties {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant BASE = Instant.parse("2026-11-23T02:00:00Z");

    record PaymentRow(PaymentMethod method, String state, long amountFen, long minutesFromAt) {
    }

    private TestDatabase.FreshDatabase h2;
    private TestDatabase.FreshDatabase postgres;
    private MerchantRepository onH2;
    private MerchantRepository onPostgres;
    private int merchants;

    @BeforeProperty
    void open() {
        h2 = TestDatabase.H2.open();
        postgres = TestDatabase.POSTGRESQL.open();
        TestClock clock = new TestClock(BASE);
        onH2 = new MerchantRepository(h2.database(), clock, SHANGHAI);
        onPostgres = new MerchantRepository(postgres.database(), clock, SHANGHAI);
    }

    @AfterProperty
    void close() throws Exception {
        h2.close();
        postgres.close();
    }

    @Property(tries = 40)
    void backfilledUsageIsTheSumOfCountedPaymentsOfTheBusinessDayAndMonth(
            @ForAll("payments") @Size(max = 15) List<PaymentRow> payments,
            @ForAll("minutesAroundBase") long atMinutes) {
        OffsetDateTime at = OffsetDateTime.ofInstant(BASE, ZoneOffset.UTC).plusMinutes(atMinutes);
        MerchantId merchant = new MerchantId("MP" + (++merchants));
        onH2.save(Fixtures.merchant(merchant.value()));
        onPostgres.save(Fixtures.merchant(merchant.value()));
        int n = 0;
        for (PaymentRow row : payments) {
            OffsetDateTime createdAt = at.plusMinutes(row.minutesFromAt());
            String id = "P" + (n++);
            Fixtures.insertPayment(h2.database(), merchant.value(), id, row.method(), row.state(), row.amountFen(), createdAt);
            Fixtures.insertPayment(postgres.database(), merchant.value(), id, row.method(), row.state(), row.amountFen(), createdAt);
        }

        Map<PaymentMethod, Usage> expected = model(payments, at);

        assertThat(onH2.usage(merchant, at)).isEqualTo(expected);
        assertThat(onPostgres.usage(merchant, at)).isEqualTo(expected);
    }

    private static Map<PaymentMethod, Usage> model(List<PaymentRow> payments, OffsetDateTime at) {
        LocalDate today = at.atZoneSameInstant(SHANGHAI).toLocalDate();
        Map<PaymentMethod, long[]> sums = new EnumMap<>(PaymentMethod.class);
        for (PaymentRow row : payments) {
            if (!PaymentState.valueOf(row.state()).countsAsUsage()) {
                continue;
            }
            LocalDate day = at.plusMinutes(row.minutesFromAt()).atZoneSameInstant(SHANGHAI).toLocalDate();
            boolean sameMonth = day.getYear() == today.getYear() && day.getMonth() == today.getMonth() && !day.isAfter(today);
            if (!sameMonth) {
                continue;
            }
            long[] sum = sums.computeIfAbsent(row.method(), m -> new long[2]);
            sum[1] += row.amountFen();
            if (day.equals(today)) {
                sum[0] += row.amountFen();
            }
        }
        Map<PaymentMethod, Usage> usage = new EnumMap<>(PaymentMethod.class);
        sums.forEach((method, sum) -> usage.put(method, new Usage(Money.ofFen(sum[0]), Money.ofFen(sum[1]))));
        return usage;
    }

    @Provide
    Arbitrary<List<PaymentRow>> payments() {
        Arbitrary<PaymentRow> row = Combinators.combine(
                Arbitraries.of(PaymentMethod.class),
                Arbitraries.of("CREATED", "PROCESSING", "SUCCEEDED", "FAILED", "DECLINED", "UNKNOWN", "REVERSED", "VOIDED",
                        "PARTIALLY_REFUNDED", "REFUNDED"),
                Arbitraries.longs().between(1, 10_000_000_000L),
                // up to 40 days either side, so rows land yesterday, tomorrow, last month and next month
                Arbitraries.longs().between(-40L * 24 * 60, 40L * 24 * 60))
                .as(PaymentRow::new);
        return row.list();
    }

    @Provide
    Arbitrary<Long> minutesAroundBase() {
        // any moment within ~two months, including month ends and midnights in Shanghai
        return Arbitraries.longs().between(-60L * 24 * 60, 60L * 24 * 60);
    }
}
