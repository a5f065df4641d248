package io.shoudan.reason;

/** The languages every text a person sees exists in. */
public enum Lang {
    ZH, EN;

    public static Lang parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(java.util.Locale.ROOT)) {
            case "zh", "zh-cn", "cn" -> ZH;
            case "en", "en-us", "en-gb" -> EN;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a language (zh or en)");
        };
    }
}
