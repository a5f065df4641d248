package io.shoudan.channels.mapping;

import java.util.Objects;

/**
 * One row of a mapping table: a channel's raw code, what the channel means by it (Chinese as the
 * channel says it, English), and what it means for the payment.
 *
 * @param meaningWhenHuabeiDisabled a different meaning when the acquirer had disabled Huabei for this
 *                                  payment ({@code disable_pay_channels=pcredit,…}); {@code null}: the same
 */
public record CodeRow(String rawCode, String textZh, String textEn, CodeMeaning meaning, CodeMeaning meaningWhenHuabeiDisabled) {

    public CodeRow {
        if (rawCode == null || rawCode.isBlank()) {
            throw new IllegalArgumentException("a mapping row needs the raw code");
        }
        Objects.requireNonNull(textZh, "textZh");
        Objects.requireNonNull(textEn, "textEn");
        Objects.requireNonNull(meaning, "meaning");
    }

    CodeRow(String rawCode, String textZh, String textEn, CodeMeaning meaning) {
        this(rawCode, textZh, textEn, meaning, null);
    }

    public CodeMeaning meaning(boolean huabeiDisabled) {
        return huabeiDisabled && meaningWhenHuabeiDisabled != null ? meaningWhenHuabeiDisabled : meaning;
    }
}
