package io.shoudan.iso8583.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.spec.Iso87BinarySpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The public ISO87-binary vector (test resource vectors/iso87b-sale-vector.json), both directions, byte for byte. */
class Iso87bVectorTest {

    private final Iso8583Codec codec = new Iso8583Codec(Iso87BinarySpec.create());

    private static JsonNode vector() throws IOException {
        try (InputStream in = Iso87bVectorTest.class.getResourceAsStream("/vectors/iso87b-sale-vector.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static IsoMessage messageFromVector(Iso8583Codec codec, JsonNode v) {
        Set<Integer> binary = new HashSet<>();
        v.get("binary").forEach(n -> binary.add(n.asInt()));
        IsoMessage m = codec.newMessage(v.get("mti").asText());
        Iterator<Map.Entry<String, JsonNode>> it = v.get("fields").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int n = Integer.parseInt(e.getKey());
            if (binary.contains(n)) {
                m.setHex(n, e.getValue().asText());
            } else {
                m.set(n, e.getValue().asText());
            }
        }
        return m;
    }

    @Test
    void packingTheVectorFieldsReproducesTheReferenceImageByteForByte() throws IOException {
        JsonNode v = vector();
        byte[] packed = codec.pack(messageFromVector(codec, v));
        assertThat(Hex.encode(packed)).isEqualTo(v.get("hex").asText());
    }

    @Test
    void unpackingTheReferenceImageYieldsEveryVectorField() throws IOException {
        JsonNode v = vector();
        ParsedMessage m = codec.unpackOrThrow(Hex.decode(v.get("hex").asText()));
        assertThat(m.mti()).isEqualTo("0200");
        Set<Integer> binary = new HashSet<>();
        v.get("binary").forEach(n -> binary.add(n.asInt()));
        Iterator<Map.Entry<String, JsonNode>> it = v.get("fields").fields();
        int count = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int n = Integer.parseInt(e.getKey());
            assertThat(m.getString(n)).as("field %d", n).isEqualTo(e.getValue().asText());
            count++;
        }
        assertThat(m.fieldNumbers()).hasSize(count);
    }

    @Test
    void repackingTheUnpackedReferenceImageGivesTheSameBytes() throws IOException {
        byte[] image = Hex.decode(vector().get("hex").asText());
        assertThat(codec.pack(codec.unpackOrThrow(image).toMessage())).isEqualTo(image);
    }

    @Test
    void printingTheVectorMasksThePanTrackAndPinBlock() throws IOException {
        String printed = codec.unpackOrThrow(Hex.decode(vector().get("hex").asText())).toString();
        assertThat(printed)
                .contains("622202*********0123")
                .doesNotContain("6222021234567890123")
                .doesNotContain("0123456789ABCDEF")
                .doesNotContain("28122011234500000")
                .contains("A1B2C3D4E5F60718");
    }
}
