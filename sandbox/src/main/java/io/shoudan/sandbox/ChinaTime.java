package io.shoudan.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The channels speak Beijing time (GMT+8): Alipay's {@code gmt_payment}, WeChat's {@code time_end},
 * and every "daily" or "monthly" limit starts at midnight there, not at UTC midnight.
 */
public final class ChinaTime {

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private ChinaTime() {
    }

    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, OFFSET);
    }

    public static LocalDate dateOf(Instant instant) {
        return of(instant).toLocalDate();
    }

    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(of(instant));
    }
}
