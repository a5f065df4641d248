package io.shoudan.iso8583.cup;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.Field62KeyDownload;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.WorkingKeys;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.iso8583.mac.MessageMac;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.message.ParsedMessage;
import io.shoudan.iso8583.pin.Pan;
import io.shoudan.iso8583.pin.Pin;
import io.shoudan.iso8583.pin.PinBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.shoudan.iso8583.cup.CupGoldenImagesTest.CUP;
import static org.assertj.core.api.Assertions.assertThat;

/** The crypto pieces working together on CUP images: key download, PIN block, MAC, as terminal and host do. */
class SignOnThenSaleTest {

    private static final DesKey TMK = DesKey.ofHex("CA5D92598DCA48CE8A4C76361A9269E9");
    private static final WorkingKeys HOST_KEYS = new WorkingKeys(KeyScheme.TDES,
            DesKey.ofHex("807A23AD32B36D457AE91FDF927570EA"), DesKey.ofHex("5BB5C72CD00B7338"));

    @ParameterizedTest
    @EnumSource(value = MacAlgorithm.class, names = {"UNIONPAY_ECB", "X9_19"})
    void aTerminalSignsOnThenSendsASaleWhoseMacAndPinTheHostVerifies(MacAlgorithm algorithm) {
        // Host: sign-on response with the working keys under the terminal's TMK.
        IsoMessage response = CUP.newMessage("0810").set(11, "000001").set(39, "00")
                .set(41, "12345678").set(42, "123456789012345").set(60, "00000001004")
                .setBytes(62, Field62KeyDownload.encode(TMK, HOST_KEYS));
        ParsedMessage atTerminal = CUP.unpackOrThrow(CUP.pack(response));

        // Terminal: installs the keys only if the check values match.
        var installed = Field62KeyDownload.decode(TMK, KeyScheme.TDES, atTerminal.getBytes(62));
        assertThat(installed).isInstanceOf(Field62KeyDownload.Installed.class);
        WorkingKeys terminalKeys = ((Field62KeyDownload.Installed) installed).keys();

        // Terminal: a sale with an encrypted PIN and a MAC.
        Pan pan = new Pan("6222021234567890123");
        IsoMessage sale = CUP.newMessage("0200").set(2, pan.digits()).set(3, "000000").set(4, "000000010000")
                .set(11, "000002").set(22, "021").set(25, "00").set(41, "12345678").set(42, "123456789012345")
                .set(49, "156").setBytes(52, PinBlock.encryptFormat0((DesKey) terminalKeys.pik(), Pin.of("123456"), pan))
                .set(60, "22000001000").setBytes(64, new byte[8]);
        byte[] image = CUP.pack(sale);
        MessageMac mac = new MessageMac(algorithm);
        mac.sign(terminalKeys.mak(), image, 0, image.length);

        // Host: the MAC verifies with its own copy of the MAK, the PIN decrypts with its PIK.
        ParsedMessage atHost = CUP.unpackOrThrow(image);
        assertThat(mac.verify(HOST_KEYS.mak(), atHost)).isTrue();
        assertThat(PinBlock.decryptFormat0((DesKey) HOST_KEYS.pik(), atHost.getBytes(52), pan))
                .isEqualTo(new PinBlock.Recovered(Pin.of("123456")));
        assertThat(CupTransaction.identify(atHost)).contains(CupTransaction.SALE);

        // Any changed byte before field 64 (here the amount) breaks the MAC.
        byte[] tampered = image.clone();
        tampered[atHost.contentOffset(4) + 5] ^= 0x01;
        assertThat(mac.verify(HOST_KEYS.mak(), CUP.unpackOrThrow(tampered))).isFalse();
        assertThat(mac.verify(DesKey.ofHex("0123456789ABCDEF"), atHost)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anSm4TerminalGetsSm4KeysAndItsSm4MacVerifies() {
        io.shoudan.iso8583.key.Sm4Key tmk = io.shoudan.iso8583.key.Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210");
        WorkingKeys hostKeys = new io.shoudan.iso8583.key.KeyGenerator(new java.security.SecureRandom())
                .workingKeys(KeyScheme.SM4);
        IsoMessage response = CUP.newMessage("0810").set(39, "00").set(41, "12345678").set(42, "123456789012345")
                .set(60, "00000001004").setBytes(62, Field62KeyDownload.encode(tmk, hostKeys));
        ParsedMessage atTerminal = CUP.unpackOrThrow(CUP.pack(response));
        var installed = (Field62KeyDownload.Installed) Field62KeyDownload.decode(tmk, KeyScheme.SM4, atTerminal.getBytes(62));

        IsoMessage echo = CUP.newMessage("0200").set(3, "000000").set(4, "000000000001").set(11, "000009")
                .set(25, "00").set(41, "12345678").set(42, "123456789012345").set(60, "22000001000")
                .setBytes(64, new byte[8]);
        byte[] image = CUP.pack(echo);
        MessageMac mac = new MessageMac(MacAlgorithm.SM4_ECB);
        mac.sign(installed.keys().mak(), image, 0, image.length);
        assertThat(mac.verify(hostKeys.mak(), CUP.unpackOrThrow(image))).isTrue();
        image[CUP.unpackOrThrow(image).contentOffset(4) + 5] ^= 0x01;   // 0.01 becomes 0.00
        assertThat(mac.verify(hostKeys.mak(), CUP.unpackOrThrow(image))).isFalse();
    }
}
