package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.spec.Sensitivity;

/**
 * Turns field values into what may be shown to a person or a log: card numbers with the first 6 and last 4
 * digits, track data without anything after the separator, EMV data without its card-data tags, PIN blocks and
 * keys not at all.
 */
public final class Masking {
    private Masking() {
    }

    /** EMV tags whose values are card data: PAN, track 2 equivalent, cardholder name, track 1/2 discretionary. */
    private static final int[] CARD_DATA_TAGS = {0x5A, 0x57, 0x56, 0x5F20, 0x9F1F, 0x9F20, 0x9F6B, 0x5F24};

    /** The shown form of a field value given as text (hex for binary fields). */
    public static String show(Sensitivity sensitivity, String value, byte[] bytes) {
        return switch (sensitivity) {
            case PUBLIC -> printable(value);
            case PAN -> pan(value);
            case TRACK -> track(value);
            case ICC -> icc(bytes);
            case SECRET -> "[" + bytes.length + " bytes hidden 已隐藏]";
        };
    }

    /** First 6 and last 4 digits kept when the number is longer than 10; otherwise all masked. */
    public static String pan(String pan) {
        int n = pan.length();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            boolean keep = n > 10 && (i < 6 || i >= n - 4);
            sb.append(keep ? pan.charAt(i) : '*');
        }
        return sb.toString();
    }

    /** The account number part masked as a PAN; the separator kept; everything after it hidden. */
    public static String track(String track) {
        int sep = -1;
        for (int i = 0; i < track.length(); i++) {
            char c = track.charAt(i);
            if (c == '=' || c == '^') {
                sep = i;
                break;
            }
        }
        if (sep < 0) {
            return "*".repeat(track.length());
        }
        return pan(track.substring(0, sep)) + track.charAt(sep) + "*".repeat(track.length() - sep - 1);
    }

    /** Hex of BER-TLV data with card-data tags' values starred; not TLV at all → hidden. */
    public static String icc(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length * 2 + 16);
        int p = 0;
        while (p < data.length) {
            int tagStart = p;
            int tag = data[p++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                if (p >= data.length) {
                    return hidden(data);
                }
                tag = (tag << 8) | (data[p++] & 0xFF);
                if ((tag & 0x80) != 0) {
                    return hidden(data);
                }
            }
            if (p >= data.length) {
                return hidden(data);
            }
            int len = data[p++] & 0xFF;
            if (len == 0x81) {
                if (p >= data.length) {
                    return hidden(data);
                }
                len = data[p++] & 0xFF;
            } else if (len > 0x80) {
                return hidden(data);
            }
            if (data.length - p < len) {
                return hidden(data);
            }
            sb.append(Hex.encode(data, tagStart, p));
            if (isCardData(tag)) {
                sb.append("*".repeat(len * 2));
            } else {
                sb.append(Hex.encode(data, p, p + len));
            }
            p += len;
        }
        return sb.toString();
    }

    private static boolean isCardData(int tag) {
        for (int t : CARD_DATA_TAGS) {
            if (t == tag) {
                return true;
            }
        }
        return false;
    }

    private static String hidden(byte[] data) {
        return "[" + data.length + " bytes, not TLV, hidden 非TLV已隐藏]";
    }

    private static String printable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                StringBuilder sb = new StringBuilder(value.length());
                for (int j = 0; j < value.length(); j++) {
                    char d = value.charAt(j);
                    sb.append(d < 0x20 || d == 0x7F ? '.' : d);
                }
                return sb.toString();
            }
        }
        return value;
    }
}
