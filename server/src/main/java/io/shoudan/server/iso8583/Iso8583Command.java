package io.shoudan.server.iso8583;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.frame.Tpdu;
import io.shoudan.iso8583.message.DecodeError;
import io.shoudan.iso8583.message.FieldText;
import io.shoudan.iso8583.message.InvalidFieldException;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.message.MessagePrinter;
import io.shoudan.iso8583.message.ParsedMessage;
import io.shoudan.iso8583.spec.Content;
import io.shoudan.iso8583.spec.CupPosSpec;
import io.shoudan.iso8583.spec.FieldSpec;
import io.shoudan.iso8583.spec.Iso87BinarySpec;
import io.shoudan.iso8583.spec.MessageSpec;
import io.shoudan.iso8583.spec.Sensitivity;
import io.shoudan.iso8583.spec.SubFieldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code shoudan iso8583 decode|encode}: the 报文解析 tool for support engineers. Decode shows a captured image
 * as a masked field list (or JSON); encode turns a JSON description into hex. Bad input exits with code 2 and
 * one line that names the field.
 */
@Command(name = "iso8583", mixinStandardHelpOptions = true,
        description = {"Decode and encode ISO 8583 images (报文解析).",
                "Specs: cup (China UnionPay POS terminal), iso87b (ISO 8583:1987 binary)."},
        subcommands = {Iso8583Command.Decode.class, Iso8583Command.Encode.class})
public final class Iso8583Command implements Runnable {

    /** Exit code for input that cannot be decoded or encoded. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The specs the tool knows, by the name used on the command line. */
    public enum SpecName {
        cup,
        iso87b;

        MessageSpec create() {
            return this == cup ? CupPosSpec.create() : Iso87BinarySpec.create();
        }
    }

    public enum Format {
        text,
        json
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Decode a hex image into a masked field list (PAN first 6/last 4, track 2, PIN block and keys hidden).")
    static final class Decode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--spec", required = true, description = "cup | iso87b")
        SpecName specName;

        @Option(names = "--format", defaultValue = "text", description = "text (default) | json")
        Format format;

        @Option(names = "--framed", description = "the hex starts with the 2-byte length and the 5-byte TPDU")
        boolean framed;

        @Parameters(arity = "1..*", paramLabel = "HEX", description = "the image in hex (spaces allowed)")
        String[] hexParts;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String hex = String.join("", hexParts).replaceAll("\\s+", "");
            byte[] image;
            try {
                image = Hex.decode(hex);
            } catch (IllegalArgumentException e) {
                err.println("input is not hex (" + hex.length() + " characters) / 输入不是十六进制");
                return BAD_INPUT;
            }
            int offset = 0;
            Tpdu tpdu = null;
            if (framed) {
                if (image.length < 2 + Tpdu.BYTES) {
                    err.println("frame shorter than length + TPDU (" + image.length + " bytes) / 帧长度不足");
                    return BAD_INPUT;
                }
                int declared = ((image[0] & 0xFF) << 8) | (image[1] & 0xFF);
                if (declared != image.length - 2) {
                    err.println("frame length says " + declared + " bytes, " + (image.length - 2) + " follow / 帧长度不符");
                    return BAD_INPUT;
                }
                try {
                    tpdu = Tpdu.read(image, 2);
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return BAD_INPUT;
                }
                offset = 2 + Tpdu.BYTES;
            }
            Iso8583Codec codec = new Iso8583Codec(specName.create());
            switch (codec.unpack(image, offset, image.length - offset)) {
                case DecodeError e -> {
                    err.println(e.message());
                    return BAD_INPUT;
                }
                case ParsedMessage m -> {
                    if (format == Format.json) {
                        out.println(toJson(m, tpdu));
                    } else {
                        if (tpdu != null) {
                            out.printf("TPDU 60 %04X %04X%n", tpdu.destination(), tpdu.source());
                        }
                        out.print(MessagePrinter.render(m));
                    }
                    out.flush();
                    return 0;
                }
            }
        }

        private static String toJson(ParsedMessage m, Tpdu tpdu) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("spec", m.spec().name());
            if (tpdu != null) {
                root.put("tpdu", String.format("60%04X%04X", tpdu.destination(), tpdu.source()));
            }
            root.put("mti", m.mti());
            ObjectNode fields = root.putObject("fields");
            for (int n : m.fieldNumbers()) {
                FieldSpec f = m.spec().field(n);
                if (f.content() == Content.TEXT && f.sensitivity() == Sensitivity.PUBLIC) {
                    putText(fields, Integer.toString(n), m.getBytes(n), m.spec().textCharset(n));
                } else {
                    fields.put(Integer.toString(n), MessagePrinter.shownValue(m, n));
                }
            }
            ObjectNode subFields = mapper.createObjectNode();
            for (int n : m.fieldNumbers()) {
                FieldSpec f = m.spec().field(n);
                if (f.sensitivity() != Sensitivity.PUBLIC) {
                    continue;
                }
                for (SubFieldSpec.Part part : SubFieldSpec.split(m.spec().subFields(n), m.getString(n))) {
                    if (f.content() == Content.TEXT) {
                        putText(subFields, part.spec().id(), part.value().getBytes(StandardCharsets.ISO_8859_1), m.spec().textCharset(n));
                    } else {
                        subFields.put(part.spec().id(), part.value());
                    }
                }
            }
            if (!subFields.isEmpty()) {
                root.set("subFields", subFields);
            }
            try {
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        }

        /** Text in the field's charset when it reads back to the same bytes; otherwise {"hex": "..."}, so nothing is lost. */
        private static void putText(ObjectNode into, String name, byte[] bytes, Charset charset) {
            Optional<String> text = FieldText.readable(bytes, charset);
            if (text.isPresent()) {
                into.put(name, text.get());
            } else {
                into.putObject(name).put("hex", Hex.encode(bytes));
            }
        }
    }

    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = {"Encode a JSON message into hex.",
                    "Input: {\"mti\":\"0200\",\"fields\":{\"2\":\"6222...\",\"55\":\"9F26...\"}} — binary fields as hex.",
                    "Text fields in their charset (GBK Chinese in cup field 63), or as {\"hex\": \"...\"} for bytes that are not text,",
                    "the form decode --format json writes them in."})
    static final class Encode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--spec", required = true, description = "cup | iso87b")
        SpecName specName;

        @Option(names = "--tpdu", description = "wrap in a frame: 2-byte length + this 5-byte TPDU (hex, e.g. 6000030000)")
        String tpduHex;

        @Parameters(index = "0", paramLabel = "FILE.json", description = "the JSON file, or - for standard input")
        String file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            JsonNode root;
            try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
                root = new ObjectMapper().readTree(in);
            } catch (NoSuchFileException e) {
                err.println("no such file: " + file + " / 文件不存在");
                return BAD_INPUT;
            } catch (JsonProcessingException e) {
                err.println("input is not JSON (line " + e.getLocation().getLineNr() + ") / 输入不是合法JSON");
                return BAD_INPUT;
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getClass().getSimpleName() + " / 无法读取文件");
                return BAD_INPUT;
            }
            if (root == null || !root.isObject() || !root.path("mti").isTextual() || !root.path("fields").isObject()) {
                err.println("input must be {\"mti\": \"0200\", \"fields\": {...}} / 输入须含mti与fields");
                return BAD_INPUT;
            }
            MessageSpec messageSpec = specName.create();
            Iso8583Codec codec = new Iso8583Codec(messageSpec);
            IsoMessage m;
            try {
                m = codec.newMessage(root.get("mti").asText());
                Iterator<Map.Entry<String, JsonNode>> it = root.get("fields").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    int n;
                    try {
                        n = Integer.parseInt(e.getKey().trim());
                    } catch (NumberFormatException ex) {
                        err.println("field \"" + e.getKey() + "\": not a field number / 域号非法");
                        return BAD_INPUT;
                    }
                    JsonNode v = e.getValue();
                    boolean hexObject = v.isObject() && v.size() == 1 && v.path("hex").isTextual();
                    if (!v.isTextual() && !v.isNumber() && !hexObject) {
                        err.println("field " + n + ": value must be a string, or {\"hex\": \"...\"} for the bytes of a text field"
                                + " / 域值须为字符串，文本域的字节可写作 {\"hex\": \"...\"}");
                        return BAD_INPUT;
                    }
                    FieldSpec f = messageSpec.field(n);
                    Content content = f == null ? null : f.content();
                    if (hexObject && content == Content.TEXT) {
                        m.setBytes(n, textHex(n, v.get("hex").asText()));
                    } else if (hexObject || content == Content.BINARY) {
                        m.setHex(n, hexObject ? v.get("hex").asText() : v.asText());
                    } else if (content == Content.TEXT) {
                        m.setBytes(n, FieldText.bytes(n, v.asText(), messageSpec.textCharset(n)));
                    } else {
                        m.set(n, v.asText());
                    }
                }
            } catch (InvalidFieldException e) {
                String where = e.field() == 0 ? "消息类型" : "第" + e.field() + "域";
                err.println(e.getMessage() + " / " + where + "取值非法");
                return BAD_INPUT;
            }
            byte[] image = codec.pack(m);
            if (tpduHex != null) {
                Tpdu tpdu;
                try {
                    tpdu = Tpdu.read(Hex.decode(tpduHex), 0);
                } catch (IllegalArgumentException e) {
                    err.println("--tpdu must be 5 bytes of hex starting with 60 / TPDU须为60开头的5字节");
                    return BAD_INPUT;
                }
                image = tpdu.frame(image, 0, image.length);
            }
            out.println(Hex.encode(image));
            out.flush();
            return 0;
        }

        private static byte[] textHex(int field, String hex) {
            try {
                return Hex.decode(hex);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(field, "not valid hex");
            }
        }
    }
}
