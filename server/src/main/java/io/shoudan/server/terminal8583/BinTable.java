package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.pin.Pan;
import io.shoudan.method.PaymentMethod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The BIN table: whether a card is a UnionPay debit or credit card, from the longest BIN (6-11 leading digits) that
 * starts its number; a card no BIN covers is debit. One BIN a line, {@code 622202 DEBIT}, {@code #} comments. The
 * shipped table ({@link #shipped()}) holds the sandbox issuer's BINs; a deployment gives the networks' table with
 * {@code SHOUDAN_BIN_TABLE} ({@link #configured}).
 */
public final class BinTable implements CardKinds {

    /** The variable naming a BIN table file. */
    public static final String VARIABLE = "SHOUDAN_BIN_TABLE";
    private static final String SHIPPED = "bins.txt";
    private static final Pattern LINE = Pattern.compile("([0-9]{6,11})\\s+(DEBIT|CREDIT)");

    private final Map<String, PaymentMethod> byBin;
    private final String source;

    private BinTable(Map<String, PaymentMethod> byBin, String source) {
        this.byBin = Map.copyOf(byBin);
        this.source = source;
    }

    /** The table {@code SHOUDAN_BIN_TABLE} names in {@code environment}, else the shipped one. */
    public static BinTable configured(Map<String, String> environment) {
        String file = environment.get(VARIABLE);
        if (file == null || file.isBlank()) {
            return shipped();
        }
        Path path = Path.of(file.trim());
        String setting = VARIABLE + " " + path;
        try {
            return parse(Files.readAllLines(path, StandardCharsets.UTF_8), setting);
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": cannot read the BIN table (" + e.getClass().getSimpleName()
                    + ") / 无法读取卡 BIN 表");
        }
    }

    /** The table shipped with Shoudan: the sandbox issuer's BINs. */
    public static BinTable shipped() {
        try (InputStream in = BinTable.class.getResourceAsStream(SHIPPED)) {
            Objects.requireNonNull(in, "the shipped BIN table " + SHIPPED + " is missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), "shipped " + SHIPPED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped BIN table: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param source names the table in a refusal and on the banner
     * @throws IllegalArgumentException naming the source and the line when a line is not a BIN line
     */
    public static BinTable parse(List<String> lines, String source) {
        Map<String, PaymentMethod> byBin = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not a BIN line (6-11 digits, then DEBIT or CREDIT)"
                        + " / 第 " + (i + 1) + " 行不是卡 BIN 行（6-11 位数字，再 DEBIT 或 CREDIT）");
            }
            byBin.put(m.group(1), m.group(2).equals("CREDIT") ? PaymentMethod.UNIONPAY_CREDIT : PaymentMethod.UNIONPAY_DEBIT);
        }
        return new BinTable(byBin, source);
    }

    @Override
    public PaymentMethod methodFor(Pan pan) {
        String digits = pan.digits();
        for (int length = Math.min(11, digits.length()); length >= 6; length--) {
            PaymentMethod method = byBin.get(digits.substring(0, length));
            if (method != null) {
                return method;
            }
        }
        return PaymentMethod.UNIONPAY_DEBIT;
    }

    /** Where the table came from and how many BINs it holds, for the banner. */
    public String source() {
        return source + " (" + byBin.size() + " BINs)";
    }

    @Override
    public String toString() {
        return "BinTable[" + source() + "]";
    }
}
