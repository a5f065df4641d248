package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.frame.Tpdu;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.spec.CupPosSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes from outside: whatever a frame body holds, the host answers or hangs up — it never throws, and a request
 * it answers gets a response MTI.
 */
class TerminalHostFuzzTest {
    private static final EndpointWorld ENV = new EndpointWorld();
    private static final byte[] SALE = validSale();

    @Property(tries = 2000)
    void randomBodiesAreAnsweredOrHungUpOnNeverThrown(@ForAll @Size(max = 300) byte[] body) {
        TerminalHost.Reply reply = ENV.host.handle(body);

        assertThat(reply).isNotNull();
    }

    @Property(tries = 3000)
    void mutatedSalesAreAnsweredOrHungUpOnNeverThrown(@ForAll @IntRange(min = 0, max = 1000) int position,
                                                     @ForAll byte value, @ForAll @IntRange(min = 0, max = 3) int cut) {
        byte[] body = SALE.clone();
        body[position % body.length] = value;
        byte[] shortened = java.util.Arrays.copyOf(body, body.length - cut);

        TerminalHost.Reply reply = ENV.host.handle(shortened);

        if (reply instanceof TerminalHost.Reply.Answer answer) {
            assertThat(Tpdu.read(answer.frameBody(), 0)).isNotNull();
            int mtiLow = answer.frameBody()[Tpdu.BYTES + 1] & 0xF0;
            assertThat(mtiLow % 0x20).isEqualTo(0x10);
        }
    }

    private static byte[] validSale() {
        Iso8583Codec codec = new Iso8583Codec(CupPosSpec.create());
        IsoMessage m = codec.newMessage("0200");
        m.set(2, "6222021234567890123");
        m.set(3, "000000");
        m.set(4, "100");
        m.set(11, "000001");
        m.set(22, "021");
        m.set(25, "00");
        m.set(41, EndpointWorld.TID.value());
        m.set(42, EndpointWorld.MID.value());
        m.set(49, "156");
        m.set(60, "22000001000");
        m.setBytes(64, new byte[8]);
        byte[] image = codec.pack(m);
        byte[] body = new byte[Tpdu.BYTES + image.length];
        new Tpdu(3, 0).write(body, 0);
        System.arraycopy(image, 0, body, Tpdu.BYTES, image.length);
        return body;
    }
}
