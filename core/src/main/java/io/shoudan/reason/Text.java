package io.shoudan.reason;

/** A text in Chinese and English. */
public record Text(String zh, String en) {

    public String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
