package io.shoudan.server.terminal8583.simulator;

import io.shoudan.iso8583.cup.Field60;
import io.shoudan.iso8583.cup.NetworkManagementCode;
import io.shoudan.iso8583.frame.Tpdu;
import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.Field62KeyDownload;
import io.shoudan.iso8583.key.WorkingKeys;
import io.shoudan.iso8583.mac.MessageMac;
import io.shoudan.iso8583.message.DecodeError;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.message.ParsedMessage;
import io.shoudan.iso8583.message.UnpackOutcome;
import io.shoudan.iso8583.pin.PinBlock;
import io.shoudan.iso8583.spec.CupPosSpec;
import io.shoudan.money.Money;
import io.shoudan.server.terminal8583.ReasonField;
import io.shoudan.server.terminal8583.SettlementTotals;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TraceNo;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CUP POS terminal on a blocking socket, as the tests, the demo and the load generator need one: it holds its
 * TMK, signs on and installs the working keys from field 62 (check values verified), builds sale (card with PIN
 * block, or scanned code), void, refund, settlement and batch upload with a correct MAC, and when a sale's answer
 * does not come within the response timeout it reconnects and sends the 0400 reversal (field 39 {@code 98}), up
 * to three times, as the CUP terminal rules ask. Not thread-safe: one simulator is one terminal.
 *
 * <p>Faults for tests: {@link #dropNextResponse()} reads the next answer and throws it away (the answer was "lost"
 * on the way), {@link #corruptNextMac()} flips a bit of the next request's MAC.
 */
public final class TerminalSimulator implements AutoCloseable {
    /** Reversals a terminal sends for one lost answer before it gives up and keeps the reversal for later. */
    public static final int REVERSAL_ATTEMPTS_MAX = 3;
    private static final String OPERATOR = "001";

    private final TerminalProfile profile;
    private final InetSocketAddress host;
    private final Duration responseTimeout;
    private final Iso8583Codec codec = new Iso8583Codec(CupPosSpec.create());
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private TraceNo trace = new TraceNo(0);
    private BatchNo batch = new BatchNo(1);
    private WorkingKeys keys;
    private boolean dropNext;
    private boolean corruptNext;

    public TerminalSimulator(TerminalProfile profile, InetSocketAddress host, Duration responseTimeout) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.host = Objects.requireNonNull(host, "host");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    public TerminalSimulator connect() {
        try {
            closeQuietly();
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(host, (int) responseTimeout.toMillis());
            s.setSoTimeout((int) responseTimeout.toMillis());
            socket = s;
            in = new DataInputStream(s.getInputStream());
            out = s.getOutputStream();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host, e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    public TerminalProfile profile() {
        return profile;
    }

    public BatchNo batch() {
        return batch;
    }

    /** The trace number of the last request sent. */
    public TraceNo lastTrace() {
        return trace;
    }

    public boolean signedOn() {
        return keys != null;
    }

    /** The next answer is read and thrown away, as if lost on the way back. */
    public TerminalSimulator dropNextResponse() {
        dropNext = true;
        return this;
    }

    /** The next request goes out with a wrong MAC. */
    public TerminalSimulator corruptNextMac() {
        corruptNext = true;
        return this;
    }

    /** Forgets the working keys (e.g. to test a terminal that uses stale keys after the host issued new ones). */
    public void forgetKeys() {
        keys = null;
    }

    // ---------------------------------------------------------------- management

    /** 0800 sign-on (60.3 = 004); on {@code 00} the keys in field 62 are decrypted, checked and installed. */
    public Response signOn() {
        IsoMessage m = codec.newMessage("0800");
        m.set(11, nextTrace().digits());
        identify(m);
        m.set(60, Field60.of("00", batch.digits(), NetworkManagementCode.SIGN_ON_DOUBLE_LENGTH_WITH_TDK).format());
        m.set(63, OPERATOR);
        Response r = exchange(m, false).orElseThrow(() -> new IllegalStateException("no answer to the sign-on"));
        if (r.approved()) {
            byte[] f62 = r.message().getBytes(62);
            if (f62 == null) {
                throw new IllegalStateException("sign-on answered 00 without field 62");
            }
            switch (Field62KeyDownload.decode(profile.tmk(), profile.scheme(), f62)) {
                case Field62KeyDownload.Installed installed -> keys = installed.keys();
                case Field62KeyDownload.Refused refused -> throw new IllegalStateException("key download refused: " + refused.reason());
            }
            String f60 = r.message().getString(60);
            if (f60 != null && f60.length() >= 8) {
                batch = BatchNo.parse(f60.substring(2, 8));
            }
        }
        return r;
    }

    /** 0820 echo test (60.3 = 301). */
    public Response echo() {
        IsoMessage m = codec.newMessage("0820");
        identify(m);
        m.set(60, Field60.of("00", batch.digits(), NetworkManagementCode.ECHO).format());
        return exchange(m, false).orElseThrow(() -> new IllegalStateException("no answer to the echo"));
    }

    // ---------------------------------------------------------------- financial

    /** Card sale (0200, F3 000000, 60.1 22): track 2, and a PIN block under the PIK when the card has a PIN. */
    public Exchange sale(Money amount, TestCard card) {
        IsoMessage m = codec.newMessage("0200");
        m.set(2, card.pan().digits());
        m.set(3, "000000");
        m.set(4, Long.toString(amount.fen()));
        m.set(11, nextTrace().digits());
        m.set(14, card.expiryYymm());
        m.set(22, card.pin() == null ? "022" : "021");
        m.set(25, "00");
        m.set(26, "12");
        m.set(35, card.track2());
        identify(m);
        m.set(49, "156");
        if (card.pin() != null) {
            requireKeys();
            if (!(keys.pik() instanceof DesKey pik)) {
                throw new IllegalStateException("PIN blocks for SM4 terminals are not built by this simulator");
            }
            m.setBytes(52, PinBlock.encryptFormat0(pik, card.pin(), card.pan()));
            m.set(53, "2600000000000000");
        }
        m.set(60, new Field60("22", batch.digits(), "000", "").format());
        return financialWithReversal(m);
    }

    /** Scan-code sale: the consumer's payment code in field 48, entry mode 03 (bar code), no card fields. */
    public Exchange saleByCode(Money amount, String paymentCode) {
        return financialWithReversal(saleByCodeMessage(amount, paymentCode));
    }

    /**
     * The scan-code sale {@link #saleByCode} sends, built (with the next trace number) but not sent: for a test that
     * sends its reversal first ({@link #reverse}) and the sale late ({@link #submit}), as a delayed network delivers them.
     */
    public IsoMessage saleByCodeMessage(Money amount, String paymentCode) {
        IsoMessage m = codec.newMessage("0200");
        m.set(3, "000000");
        m.set(4, Long.toString(amount.fen()));
        m.set(11, nextTrace().digits());
        m.set(22, "032");
        m.set(25, "00");
        identify(m);
        m.set(48, paymentCode);
        m.set(49, "156");
        m.set(60, new Field60("22", batch.digits(), "000", "").format());
        return m;
    }

    /** Void (0200, F3 200000, 60.1 23) of a sale of this batch. */
    public Response voidSale(TraceNo originalTrace, Money amount, String originalRrn) {
        return financial(voidMessage(originalTrace, amount, originalRrn));
    }

    /** The void {@link #voidSale} sends, built (with the next trace number) but not sent. */
    public IsoMessage voidMessage(TraceNo originalTrace, Money amount, String originalRrn) {
        IsoMessage m = codec.newMessage("0200");
        m.set(3, "200000");
        m.set(4, Long.toString(amount.fen()));
        m.set(11, nextTrace().digits());
        m.set(25, "00");
        if (originalRrn != null) {
            m.set(37, originalRrn);
        }
        identify(m);
        m.set(49, "156");
        m.set(60, new Field60("23", batch.digits(), "000", "").format());
        m.set(61, batch.digits() + originalTrace.digits());
        return m;
    }

    /** Refund (0220, F3 200000, 60.1 25) of a sale from any batch; {@code originalDateMmdd} is 61.3. */
    public Response refund(BatchNo originalBatch, TraceNo originalTrace, String originalDateMmdd, Money amount) {
        return financial(refundMessage(originalBatch, originalTrace, originalDateMmdd, amount));
    }

    /** The refund {@link #refund} sends, built (with the next trace number) but not sent. */
    public IsoMessage refundMessage(BatchNo originalBatch, TraceNo originalTrace, String originalDateMmdd, Money amount) {
        IsoMessage m = codec.newMessage("0220");
        m.set(3, "200000");
        m.set(4, Long.toString(amount.fen()));
        m.set(11, nextTrace().digits());
        m.set(25, "00");
        identify(m);
        m.set(49, "156");
        m.set(60, new Field60("25", batch.digits(), "000", "").format());
        m.set(61, originalBatch.digits() + originalTrace.digits() + originalDateMmdd);
        return m;
    }

    /** Sends a request built earlier ({@link #saleByCodeMessage}, {@link #voidMessage}, {@link #refundMessage}) with its MAC. */
    public Response submit(IsoMessage request) {
        return financial(request);
    }

    /** Sends the 0400 reversal of a request built earlier, whether or not that request was sent, and reads its answer. */
    public Response reverse(IsoMessage request) {
        return financial(reversalOf(request));
    }

    /** Batch settlement (0500, 60.3 201) with the terminal's totals; an approved settlement starts the next batch. */
    public Response settle(SettlementTotals totals) {
        IsoMessage m = codec.newMessage("0500");
        m.set(11, nextTrace().digits());
        identify(m);
        m.set(48, totals.format());
        m.set(49, "156");
        m.set(60, Field60.of("00", batch.digits(), NetworkManagementCode.SETTLEMENT).format());
        m.set(63, OPERATOR);
        Response r = financial(m);
        if (r.approved()) {
            batch = new BatchNo(batch.value() >= 999_999 ? 1 : batch.value() + 1);
        }
        return r;
    }

    /** Batch upload (0320) of up to 17 transactions. */
    public Response batchUpload(List<SettlementTotals.Uploaded> transactions) {
        IsoMessage m = codec.newMessage("0320");
        m.set(11, nextTrace().digits());
        identify(m);
        m.set(48, SettlementTotals.formatUpload(transactions));
        m.set(60, Field60.of("00", batch.digits(), NetworkManagementCode.SETTLEMENT).format());
        return financial(m);
    }

    /** Sends any message (MAC'd when {@code withMac}) and reads the answer; for tests of odd requests. */
    public Optional<Response> send(IsoMessage m, boolean withMac) {
        return exchange(m, withMac);
    }

    /** Sends raw bytes as they are (for tests of broken framing). */
    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer (after {@link #sendRaw}); empty when none comes within the response timeout. */
    public Optional<Response> receive() {
        try {
            return Optional.of(parse(readFrame()));
        } catch (IOException e) {
            closeQuietly();
            return Optional.empty();
        }
    }

    /** A whole frame (length, TPDU, image) for {@code m} without a MAC, for tests that write bytes themselves. */
    public byte[] frameOf(IsoMessage m) {
        m.unset(64);
        byte[] image = codec.pack(m);
        return profile.tpdu().frame(image, 0, image.length);
    }

    /** Whether the host has closed the connection: reads until end of stream or the response timeout. */
    public boolean closedByHost() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    public IsoMessage newMessage(String mti) {
        return codec.newMessage(mti);
    }

    /** Fills fields 41 and 42. */
    public void identify(IsoMessage m) {
        m.set(41, profile.terminalId().value());
        m.set(42, profile.acceptorId().value());
    }

    public TraceNo nextTrace() {
        trace = trace.next();
        return trace;
    }

    // ---------------------------------------------------------------- exchanges

    private Response financial(IsoMessage m) {
        requireKeys();
        return exchange(m, true).orElseThrow(() -> new LostAnswerException(m.mti()));
    }

    /**
     * Sends a sale; when its answer is lost, reconnects and sends the reversal until one is answered
     * ({@link #REVERSAL_ATTEMPTS_MAX} at most).
     */
    private Exchange financialWithReversal(IsoMessage sale) {
        requireKeys();
        Optional<Response> answer = exchange(sale, true);
        if (answer.isPresent()) {
            return new Exchange(answer.get(), null, 0);
        }
        IsoMessage reversal = reversalOf(sale);
        for (int attempt = 1; attempt <= REVERSAL_ATTEMPTS_MAX; attempt++) {
            connect();
            Optional<Response> reversed = exchange(reversal, true);
            if (reversed.isPresent()) {
                return new Exchange(null, reversed.get(), attempt);
            }
        }
        return new Exchange(null, null, REVERSAL_ATTEMPTS_MAX);
    }

    /** 0400 of a request: its 2, 3, 4, 11, 14, 22, 25, 41, 42, 48, 49, 60 and 39 = 98 (no answer received). */
    private IsoMessage reversalOf(IsoMessage original) {
        IsoMessage r = codec.newMessage("0400");
        for (int f : new int[] {2, 3, 4, 11, 14, 22, 25, 41, 42, 48, 49, 60, 61}) {
            if (original.has(f)) {
                r.set(f, original.getString(f));
            }
        }
        r.set(39, "98");
        return r;
    }

    private Optional<Response> exchange(IsoMessage m, boolean withMac) {
        byte[] image;
        if (withMac) {
            requireKeys();
            m.setBytes(64, new byte[8]);
            image = codec.pack(m);
            new MessageMac(profile.mac()).sign(keys.mak(), image, 0, image.length);
            if (corruptNext) {
                corruptNext = false;
                image[image.length - 1] ^= 0x01;
            }
        } else {
            m.unset(64);
            image = codec.pack(m);
        }
        byte[] frame = profile.tpdu().frame(image, 0, image.length);
        try {
            if (socket == null || socket.isClosed()) {
                connect();
            }
            out.write(frame);
            out.flush();
            byte[] body = readFrame();
            if (dropNext) {
                dropNext = false;
                return Optional.empty();
            }
            return Optional.of(parse(body));
        } catch (SocketTimeoutException | EOFException lost) {
            // The answer may still arrive later: a new connection keeps it from being read as the next answer.
            closeQuietly();
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly();
            return Optional.empty();
        }
    }

    private byte[] readFrame() throws IOException {
        int length = in.readUnsignedShort();
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    private Response parse(byte[] body) {
        Tpdu tpdu = Tpdu.read(body, 0);
        if (!tpdu.equals(profile.tpdu().reply())) {
            throw new IllegalStateException("answer TPDU " + tpdu + " is not the request's swapped");
        }
        UnpackOutcome outcome = codec.unpack(body, Tpdu.BYTES, body.length - Tpdu.BYTES);
        if (outcome instanceof DecodeError error) {
            throw new IllegalStateException("undecodable answer: " + error.message());
        }
        ParsedMessage p = (ParsedMessage) outcome;
        Boolean macValid = null;
        if (p.has(64) && keys != null) {
            macValid = new MessageMac(profile.mac()).verify(keys.mak(), p);
        }
        return new Response(p, p.getString(39), ReasonField.decode(p.getBytes(63)), macValid);
    }

    private void requireKeys() {
        if (keys == null) {
            throw new IllegalStateException("terminal " + profile.terminalId() + " has not signed on");
        }
    }

    private void closeQuietly() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    // ---------------------------------------------------------------- results

    /** An answer: field 39, the reason from field 63 (declines), and whether its MAC verified (null: no MAC). */
    public record Response(ParsedMessage message, String responseCode, Optional<ReasonField.Decoded> reason, Boolean macValid) {
        public boolean approved() {
            return "00".equals(responseCode);
        }

        public String rrn() {
            String v = message.getString(37);
            return v == null ? null : v.trim();
        }

        public String mti() {
            return message.mti();
        }
    }

    /**
     * A sale's exchange: its answer, or — when that was lost — the answer to the reversal sent for it and how many
     * reversal attempts it took (both null when even the reversals went unanswered).
     */
    public record Exchange(Response response, Response reversal, int reversalAttempts) {
        public boolean answered() {
            return response != null;
        }

        public boolean reversed() {
            return response == null && reversal != null && reversal.approved();
        }
    }

    /** An answer to a void, refund or settlement did not arrive. */
    public static final class LostAnswerException extends RuntimeException {
        public LostAnswerException(String mti) {
            super("no answer to " + mti);
        }
    }
}
