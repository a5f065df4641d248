package io.shoudan.server.serve;

import io.shoudan.iso8583.frame.Tpdu;
import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.Sm4Key;
import io.shoudan.iso8583.key.SymmetricKey;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.server.terminal8583.AcceptorId;
import io.shoudan.terminal.TerminalId;
import io.shoudan.server.terminal8583.simulator.TerminalProfile;
import io.shoudan.store.terminal8583.PosIdentity;
import io.shoudan.terminal.TerminalSn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo world's key-injection file: the TMKs {@code serve --seed-demo} loaded into the store, for the terminals
 * (simulators) that must be loaded with the same keys. A real acquirer injects TMKs into terminals at a key-loading
 * facility and never displays them; here the file stands in for that hand-over. It is written once, when the demo
 * world is seeded, owner-only (0600) under {@code <data>/keys/}; the banner prints its path, never its content.
 *
 * <p>Format, one terminal a line after {@code #} comments: field 41, field 42, serial number, key scheme, MAC
 * algorithm, TMK in hex, TMK check value — separated by single spaces.
 */
public final class KeyInjectionFile {

    /** The file's name under {@code <data>/keys/}. */
    public static final String FILE_NAME = "demo-terminal-keys.txt";
    /** The TPDU of the demo's terminals. */
    private static final Tpdu TPDU = new Tpdu(0x0003, 0x0000);

    /** One terminal's line. Prints the TMK's check value only. */
    public record Entry(PosIdentity pos, TerminalSn terminal, SymmetricKey tmk, KeyScheme scheme, MacAlgorithm mac) {
        public Entry {
            Objects.requireNonNull(pos, "pos");
            Objects.requireNonNull(terminal, "terminal");
            Objects.requireNonNull(tmk, "tmk");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(mac, "mac");
        }

        /** What a terminal simulator is loaded with to act as this terminal. */
        public TerminalProfile profile() {
            return new TerminalProfile(new TerminalId(pos.terminalId()), new AcceptorId(pos.acceptorId()), tmk, scheme, mac, TPDU);
        }
    }

    private KeyInjectionFile() {
    }

    /** Where {@code serve --seed-demo} writes the file for a data folder. */
    public static Path in(Path dataDir) {
        return dataDir.resolve("keys").resolve(FILE_NAME);
    }

    /** Writes the file owner-only from its creation, replacing the one of an earlier seeding. */
    static void write(Path file, List<Entry> entries) {
        StringBuilder text = new StringBuilder()
                .append("# Shoudan demo terminals: TMKs for key injection. Secret: keep it owner-only, never print or share it.\n")
                .append("# field41 field42 serial scheme mac tmk kcv\n");
        HexFormat hex = HexFormat.of().withUpperCase();
        for (Entry e : entries) {
            byte[] tmk = e.tmk().bytes();
            text.append(e.pos().terminalId()).append(' ').append(e.pos().acceptorId()).append(' ').append(e.terminal().value())
                    .append(' ').append(e.scheme()).append(' ').append(e.mac()).append(' ').append(hex.formatHex(tmk))
                    .append(' ').append(e.tmk().checkValue()).append('\n');
            java.util.Arrays.fill(tmk, (byte) 0);
        }
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            OwnerOnlyFiles.create(file);
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key-injection file " + file, e);
        }
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming the file and the line (never a key) when a line is not an entry
     */
    public static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-injection file " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(parse(line));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a key-injection line (field41 field42 serial scheme mac tmk kcv)"
                        + " / 不是密钥注入行");
            }
        }
        return entries;
    }

    /** The entry of the terminal with this field 41. */
    public static Optional<Entry> find(Path file, String terminalId) {
        return read(file).stream().filter(e -> e.pos().terminalId().equals(terminalId)).findFirst();
    }

    private static Entry parse(String line) {
        String[] f = line.split(" ");
        if (f.length != 7) {
            throw new IllegalArgumentException("7 fields");
        }
        KeyScheme scheme = KeyScheme.valueOf(f[3]);
        SymmetricKey tmk = scheme == KeyScheme.SM4 ? Sm4Key.ofHex(f[5]) : DesKey.ofHex(f[5]);
        if (!tmk.checkValue().toString().equalsIgnoreCase(f[6])) {
            throw new IllegalArgumentException("check value");
        }
        return new Entry(new PosIdentity(f[0], f[1]), new TerminalSn(f[2]), tmk, scheme, MacAlgorithm.valueOf(f[4]));
    }
}
