package io.shoudan.iso8583.frame;

/**
 * The 5-byte TPDU in front of every CUP POS message on the wire: ID {@code 0x60}, destination address (2 bytes),
 * source address (2 bytes). A frame is a 2-byte big-endian length (of TPDU + message), the TPDU, then the
 * message image. A response swaps the two addresses.
 */
public record Tpdu(int destination, int source) {

    public static final int BYTES = 5;
    public static final int ID = 0x60;

    public Tpdu {
        if (destination < 0 || destination > 0xFFFF || source < 0 || source > 0xFFFF) {
            throw new IllegalArgumentException("TPDU addresses are 2 bytes");
        }
    }

    /** Reads a TPDU at {@code offset}; throws {@link IllegalArgumentException} naming the problem. */
    public static Tpdu read(byte[] frame, int offset) {
        if (frame.length - offset < BYTES) {
            throw new IllegalArgumentException("frame shorter than a TPDU");
        }
        if ((frame[offset] & 0xFF) != ID) {
            throw new IllegalArgumentException("TPDU ID is not 60");
        }
        int dst = ((frame[offset + 1] & 0xFF) << 8) | (frame[offset + 2] & 0xFF);
        int src = ((frame[offset + 3] & 0xFF) << 8) | (frame[offset + 4] & 0xFF);
        return new Tpdu(dst, src);
    }

    public void write(byte[] out, int offset) {
        out[offset] = (byte) ID;
        out[offset + 1] = (byte) (destination >>> 8);
        out[offset + 2] = (byte) destination;
        out[offset + 3] = (byte) (source >>> 8);
        out[offset + 4] = (byte) source;
    }

    /** The TPDU of the response: addresses swapped. */
    public Tpdu reply() {
        return new Tpdu(source, destination);
    }

    /** A whole frame: 2-byte length, TPDU, message. */
    public byte[] frame(byte[] message, int offset, int length) {
        int body = BYTES + length;
        if (body > 0xFFFF) {
            throw new IllegalArgumentException("message too long for a 2-byte length");
        }
        byte[] out = new byte[2 + body];
        out[0] = (byte) (body >>> 8);
        out[1] = (byte) body;
        write(out, 2);
        System.arraycopy(message, offset, out, 2 + BYTES, length);
        return out;
    }
}
