package io.shoudan.sandbox.consumer;

import io.shoudan.money.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible population of consumers in varied states, for demos and load: most can pay, and
 * every kind of trouble a channel reports appears in it (frozen and risk-controlled accounts, Huabei
 * closed / frozen / overdue, thin balances, cards refused or whose bank is down, buyers who never
 * confirm the password, uncertified accounts, tight limits).
 */
public final class SampleConsumers {

    /** What kind of consumer a generated one is, so that a report can say who was refused why. */
    public enum Profile {
        AFFLUENT, HUABEI_FIRST, THIN_BALANCE, CREDIT_CARD_FIRST, HUABEI_CLOSED, HUABEI_FROZEN, HUABEI_OVERDUE,
        ACCOUNT_FROZEN, RISK_CONTROLLED, NOT_CERTIFIED, CARD_REFUSED, BANK_DOWN, NEVER_CONFIRMS, TIGHT_LIMITS
    }

    public record Sample(ConsumerId id, Profile profile) {
    }

    /** Profiles drawn with these weights (per 100). */
    private static final int[] WEIGHTS = {30, 15, 10, 8, 4, 2, 4, 3, 3, 2, 4, 3, 6, 6};

    private SampleConsumers() {
    }

    /**
     * Registers {@code count} consumers named {@code prefix-0001}…; card numbers start at
     * {@code 622202} (debit) and {@code 625888} (credit) and are unique within the run.
     */
    public static List<Sample> register(Consumers consumers, String prefix, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Profile profile = draw(random);
            String id = String.format("%s-%04d", prefix, i);
            ConsumerSetup setup = setup(id, profile, i, random);
            samples.add(new Sample(consumers.register(setup).id(), profile));
        }
        return samples;
    }

    private static Profile draw(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (int p = 0; p < WEIGHTS.length; p++) {
            roll -= WEIGHTS[p];
            if (roll < 0) {
                return Profile.values()[p];
            }
        }
        return Profile.AFFLUENT;
    }

    private static Money yuan(SplittableRandom random, int minYuan, int maxYuan) {
        return Money.ofFen(random.nextLong(minYuan * 100L, maxYuan * 100L + 1));
    }

    private static ConsumerSetup setup(String id, Profile profile, int n, SplittableRandom random) {
        String debitPan = String.format("622202%013d", n);
        String creditPan = String.format("625888%013d", n);
        Pin pin = Pin.of(String.format("%06d", random.nextInt(1_000_000)));
        ConsumerSetup setup = ConsumerSetup.of(id).logonId(String.format("139%08d", n))
                .password(PasswordConfirmation.above(Money.ofYuan(1000), Duration.ofSeconds(3 + random.nextInt(20))));
        return switch (profile) {
            case AFFLUENT -> setup.yuebao(yuan(random, 2_000, 50_000)).alipayBalance(yuan(random, 100, 5_000))
                    .wechatBalance(yuan(random, 100, 5_000))
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 1_000, 100_000), CardStatus.ACTIVE);
            case HUABEI_FIRST -> withHuabei(setup, random, HuabeiStatus.OPEN).alipayBalance(yuan(random, 0, 500))
                    .wechatBalance(yuan(random, 50, 2_000))
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 100, 20_000), CardStatus.ACTIVE);
            case THIN_BALANCE -> setup.alipayBalance(yuan(random, 0, 50)).wechatBalance(yuan(random, 0, 50))
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 0, 100), CardStatus.ACTIVE);
            case CREDIT_CARD_FIRST -> setup
                    .card("credit", CardKind.CREDIT, creditPan, null, yuan(random, 2_000, 50_000), CardStatus.ACTIVE)
                    .alipayBalance(yuan(random, 0, 200)).wechatBalance(yuan(random, 0, 200))
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 100, 5_000), CardStatus.ACTIVE);
            case HUABEI_CLOSED -> withHuabei(setup, random, HuabeiStatus.CLOSED).alipayBalance(yuan(random, 0, 100));
            case HUABEI_FROZEN -> withHuabei(setup, random, HuabeiStatus.FROZEN).alipayBalance(yuan(random, 0, 100));
            case HUABEI_OVERDUE -> withHuabei(setup, random, HuabeiStatus.OVERDUE).alipayBalance(yuan(random, 0, 100));
            case ACCOUNT_FROZEN -> affluentWallets(setup, random).status(AccountStatus.FROZEN)
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 1_000, 10_000), CardStatus.ACTIVE);
            case RISK_CONTROLLED -> affluentWallets(setup, random).status(AccountStatus.RISK_CONTROLLED)
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 1_000, 10_000), CardStatus.ACTIVE);
            case NOT_CERTIFIED -> affluentWallets(setup, random).notRealNameCertified();
            case CARD_REFUSED -> setup
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 1_000, 10_000), CardStatus.DO_NOT_HONOUR);
            case BANK_DOWN -> setup
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 1_000, 10_000),
                            CardStatus.ISSUER_UNAVAILABLE);
            case NEVER_CONFIRMS -> affluentWallets(setup, random)
                    .password(PasswordConfirmation.aboveButNeverConfirms(Money.ofYuan(200)))
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 1_000, 10_000), CardStatus.ACTIVE);
            case TIGHT_LIMITS -> affluentWallets(setup, random)
                    .limits(new ConsumerLimits(Money.ofYuan(200), Money.ofYuan(500)))
                    .card("debit", CardKind.DEBIT, debitPan, pin, yuan(random, 1_000, 10_000), CardStatus.ACTIVE);
        };
    }

    private static ConsumerSetup withHuabei(ConsumerSetup setup, SplittableRandom random, HuabeiStatus status) {
        Money limit = Money.ofYuan(500L * (1 + random.nextInt(40)));
        Money available = Money.ofFen(random.nextLong(0, limit.fen() + 1));
        return setup.huabei(limit, available, status);
    }

    private static ConsumerSetup affluentWallets(ConsumerSetup setup, SplittableRandom random) {
        return setup.alipayBalance(yuan(random, 500, 5_000)).wechatBalance(yuan(random, 500, 5_000));
    }
}
