package io.shoudan.iso8583.message;

import java.util.Objects;

/**
 * Why an image could not be read, and where. Never carries field content.
 *
 * @param field   the field being read: 0 the MTI, 1 the bitmap(s), 2..128 a data field
 * @param offset  byte offset from the start of the message (the MTI) where the problem was found
 * @param problem what was wrong
 * @param detail  English detail (numbers only, no content)
 */
public record DecodeError(int field, int offset, Problem problem, String detail) implements UnpackOutcome {

    public DecodeError {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Problem {
        /** The image ended inside this field. 报文在此域中截断 */
        TRUNCATED("message ends inside the field", "报文截断"),
        /** A length prefix is not a valid number in its encoding. 长度前缀非法 */
        BAD_LENGTH_PREFIX("length prefix is not a number", "长度前缀非法"),
        /** A length prefix is larger than the field's maximum. 长度超过上限 */
        LENGTH_OVER_MAXIMUM("length prefix exceeds the field's maximum", "长度超过上限"),
        /** A BCD nibble or ASCII digit is not allowed for the field's content. 内容非法 */
        BAD_CONTENT("content is not valid for the field", "内容非法"),
        /** The bitmap announces a field the spec does not define. 位图含未定义域 */
        FIELD_NOT_IN_SPEC("bitmap announces a field the spec does not define", "位图含规范未定义的域"),
        /** Bytes remain after the last field. 报文尾部有多余字节 */
        TRAILING_BYTES("bytes remain after the last field", "报文尾部有多余字节");

        private final String english;
        private final String chinese;

        Problem(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        public String english() {
            return english;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** One line for people: {@code field 35 at byte 42: length prefix exceeds ... (99 > 37) / 第35域…}. */
    public String message() {
        String where = field == 0 ? "MTI" : field == 1 ? "bitmap" : "field " + field;
        String whereZh = field == 0 ? "消息类型" : field == 1 ? "位图" : "第" + field + "域";
        return where + " at byte " + offset + ": " + problem.english() + (detail.isEmpty() ? "" : " (" + detail + ")")
                + " / " + whereZh + "（偏移" + offset + "）：" + problem.chinese();
    }
}
