package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.frame.Tpdu;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.spec.CupPosSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example images of docs/ISO8583.md ("The TCP endpoint") byte for byte: answers that carry no MAC and no
 * random keys are fully determined by the request and the (manual) clock, 2026-11-23 10:00:00 Beijing time.
 */
class WireExamplesTest {
    private static final EndpointWorld ENV = new EndpointWorld();
    private static final Iso8583Codec CODEC = new Iso8583Codec(CupPosSpec.create());

    @AfterAll
    static void stop() {
        ENV.close();
    }

    private static String answer(IsoMessage request) {
        byte[] image = CODEC.pack(request);
        byte[] body = new byte[Tpdu.BYTES + image.length];
        new Tpdu(0x0003, 0x0000).write(body, 0);
        System.arraycopy(image, 0, body, Tpdu.BYTES, image.length);
        TerminalHost.Reply reply = ENV.host.handle(body);
        return Hex.encode(((TerminalHost.Reply.Answer) reply).frameBody());
    }

    @Test
    void aSignOnFromAnUnknownTerminalIsAnswered03WithTheReasonInField63() {
        IsoMessage signOn = CODEC.newMessage("0800");
        signOn.set(11, "000001");
        signOn.set(41, "87654321");
        signOn.set(42, "123456789012345");
        signOn.set(60, "00000001004");
        signOn.set(63, "001");

        assertThat(answer(signOn)).isEqualTo(UNBOUND_0810);
    }

    @Test
    void anEchoTestIsAnswered00() {
        IsoMessage echo = CODEC.newMessage("0820");
        echo.set(41, "12345678");
        echo.set(42, "123456789012345");
        echo.set(60, "00000001301");

        assertThat(answer(echo)).isEqualTo(ECHO_0830);
    }

    static final String UNBOUND_0810 = "6000000003" + "0810" + "0038000002C00012" + "000001" + "100000" + "1123" + "3033"
            + "3837363534333231" + "313233343536373839303132333435" + "0011" + "000000010040"
            + "0079" + "435550" + "5445524D494E414C2E554E424F554E44" + "20"
            // 终端未绑定该商户（终端：87654321，商户：123456789012345）。 in GBK
            + "D6D5B6CBCEB4B0F3B6A8B8C3C9CCBBA7A3A8D6D5B6CBA3BA3837363534333231A3ACC9CCBBA7A3BA313233343536373839303132333435A3A9A1A3";
    static final String ECHO_0830 = "6000000003" + "0830" + "0018000002C00010" + "100000" + "1123" + "3030"
            + "3132333435363738" + "313233343536373839303132333435" + "0011" + "000000013010";
}
