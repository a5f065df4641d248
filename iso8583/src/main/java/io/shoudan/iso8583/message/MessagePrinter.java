package io.shoudan.iso8583.message;

import io.shoudan.iso8583.spec.Content;
import io.shoudan.iso8583.spec.FieldSpec;
import io.shoudan.iso8583.spec.Sensitivity;
import io.shoudan.iso8583.spec.SubFieldSpec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Renders a message as a readable, masked field list (the 报文解析 view). */
public final class MessagePrinter {
    private MessagePrinter() {
    }

    public static String render(FieldView m) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("MTI ").append(m.mti()).append(" (spec ").append(m.spec().name()).append(")\n");
        for (int n : m.fieldNumbers()) {
            FieldSpec f = m.spec().field(n);
            String shown = shownValue(m, n);
            sb.append(String.format("  %03d %-16s %-52s %s%n", n, f.format(), f.name(), shown));
            List<SubFieldSpec> subs = m.spec().subFields(n);
            if (!subs.isEmpty() && f.sensitivity() == io.shoudan.iso8583.spec.Sensitivity.PUBLIC) {
                for (SubFieldSpec.Part part : SubFieldSpec.split(subs, m.getString(n))) {
                    sb.append(String.format("      %-8s %-60s %s%n", part.spec().id(), part.spec().name(), shownPart(m, n, part)));
                }
            }
        }
        return sb.toString();
    }

    /** The masked value of one present field; a public text field in its spec's charset (GBK Chinese in CUP 63). */
    public static String shownValue(FieldView m, int n) {
        FieldSpec f = m.spec().field(n);
        if (f.content() == Content.TEXT && f.sensitivity() == Sensitivity.PUBLIC) {
            Optional<String> text = FieldText.readable(m.getBytes(n), m.spec().textCharset(n));
            if (text.isPresent()) {
                return text.get();
            }
        }
        return Masking.show(f.sensitivity(), m.getString(n), m.getBytes(n));
    }

    /** A sub-field of a public field, read like {@link #shownValue}. */
    public static String shownPart(FieldView m, int n, SubFieldSpec.Part part) {
        if (m.spec().field(n).content() == Content.TEXT) {
            Optional<String> text = FieldText.readable(part.value().getBytes(StandardCharsets.ISO_8859_1), m.spec().textCharset(n));
            if (text.isPresent()) {
                return text.get();
            }
        }
        return Masking.show(Sensitivity.PUBLIC, part.value(), null);
    }
}
