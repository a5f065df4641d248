package io.shoudan.server.terminal8583;

import io.shoudan.money.Money;
import io.shoudan.terminal.TraceNo;

import java.util.ArrayList;
import java.util.List;

/**
 * Field 48 of the batch settlement (0500/0510): 62 digits — domestic debit amount n12, debit count n3, credit
 * amount n12, credit count n3, reconciliation code n1, then the same five for foreign cards. Debits are sales
 * (minus voided and reversed ones), credits are refunds. Reconciliation code: {@code 0} as sent by the terminal,
 * {@code 1} balanced 对账平, {@code 2} not balanced 对账不平.
 */
public record SettlementTotals(long debitFen, int debitCount, long creditFen, int creditCount, char domesticCode,
                               long foreignDebitFen, int foreignDebitCount, long foreignCreditFen, int foreignCreditCount,
                               char foreignCode) {
    public static final int DIGITS = 62;

    public SettlementTotals {
        if (debitFen < 0 || creditFen < 0 || foreignDebitFen < 0 || foreignCreditFen < 0
                || debitFen > 999_999_999_999L || creditFen > 999_999_999_999L
                || debitCount < 0 || debitCount > 999 || creditCount < 0 || creditCount > 999
                || foreignDebitCount < 0 || foreignDebitCount > 999 || foreignCreditCount < 0 || foreignCreditCount > 999) {
            throw new IllegalArgumentException("settlement totals out of range (amounts n12, counts n3)");
        }
    }

    /** Domestic totals (foreign ones zero), reconciliation code {@code 0}; counts above 999 are written 999. */
    public static SettlementTotals domestic(long debitFen, int debitCount, long creditFen, int creditCount) {
        return new SettlementTotals(debitFen, Math.min(debitCount, 999), creditFen, Math.min(creditCount, 999), '0', 0, 0, 0, 0, '0');
    }

    public static SettlementTotals parse(String digits) {
        if (digits == null || digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("field 48 of a settlement is " + DIGITS + " digits");
        }
        return new SettlementTotals(Long.parseLong(digits.substring(0, 12)), Integer.parseInt(digits.substring(12, 15)),
                Long.parseLong(digits.substring(15, 27)), Integer.parseInt(digits.substring(27, 30)), digits.charAt(30),
                Long.parseLong(digits.substring(31, 43)), Integer.parseInt(digits.substring(43, 46)),
                Long.parseLong(digits.substring(46, 58)), Integer.parseInt(digits.substring(58, 61)), digits.charAt(61));
    }

    /** Amounts and counts equal, reconciliation codes ignored. */
    public boolean sameTotalsAs(SettlementTotals other) {
        return debitFen == other.debitFen && debitCount == other.debitCount && creditFen == other.creditFen
                && creditCount == other.creditCount && foreignDebitFen == other.foreignDebitFen
                && foreignDebitCount == other.foreignDebitCount && foreignCreditFen == other.foreignCreditFen
                && foreignCreditCount == other.foreignCreditCount;
    }

    public SettlementTotals withReconciliation(boolean balanced) {
        char code = balanced ? '1' : '2';
        return new SettlementTotals(debitFen, debitCount, creditFen, creditCount, code, foreignDebitFen, foreignDebitCount,
                foreignCreditFen, foreignCreditCount, code);
    }

    public String format() {
        return String.format("%012d%03d%012d%03d%c%012d%03d%012d%03d%c", debitFen, debitCount, creditFen, creditCount,
                domesticCode, foreignDebitFen, foreignDebitCount, foreignCreditFen, foreignCreditCount, foreignCode);
    }

    /** One transaction of a batch upload (0320). */
    public record Uploaded(TraceNo trace, Money amount) {
    }

    /** Field 48 of a batch upload: count n2, then per transaction trace n6 + amount n12. */
    public static List<Uploaded> parseUpload(String digits) {
        if (digits == null || digits.length() < 2) {
            throw new IllegalArgumentException("field 48 of a batch upload starts with a 2-digit count");
        }
        int count = Integer.parseInt(digits.substring(0, 2));
        if (digits.length() != 2 + count * 18) {
            throw new IllegalArgumentException("field 48 of a batch upload: " + count + " transactions need " + (2 + count * 18) + " digits");
        }
        List<Uploaded> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = 2 + i * 18;
            out.add(new Uploaded(TraceNo.parse(digits.substring(at, at + 6)), Money.ofFen(Long.parseLong(digits.substring(at + 6, at + 18)))));
        }
        return out;
    }

    public static String formatUpload(List<Uploaded> transactions) {
        if (transactions.size() > 17) {
            throw new IllegalArgumentException("at most 17 transactions fit one batch upload (field 48 is n..322)");
        }
        StringBuilder b = new StringBuilder(String.format("%02d", transactions.size()));
        for (Uploaded u : transactions) {
            b.append(u.trace().digits()).append(String.format("%012d", u.amount().fen()));
        }
        return b.toString();
    }
}
