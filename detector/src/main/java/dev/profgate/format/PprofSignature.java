package dev.profgate.format;

/**
 * Whether bytes can begin a serialized pprof {@code Profile}, which has no magic number: every field read is one of
 * {@code profile.proto}'s with its wire type, and the bytes may end anywhere, inside a field too. Tells a profile
 * from the other files of a folder (a README, a JSON file, an image); it accepts far more than it should reject, so
 * the reader still decides whether the profile is valid.
 */
final class PprofSignature {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final long CUT = -1;
    private static final long MALFORMED = -2;

    private final byte[] bytes;
    private int at;

    private PprofSignature(byte[] bytes) {
        this.bytes = bytes;
    }

    /** True when {@code head}, the first bytes of a file's (decompressed) content, start like a pprof Profile. */
    static boolean matches(byte[] head) {
        return head.length > 0 && new PprofSignature(head).fieldsMatch();
    }

    private boolean fieldsMatch() {
        while (at < bytes.length) {
            long tag = varint();
            if (tag == CUT) {
                return true;
            }
            if (tag == MALFORMED || !expected(tag >>> 3, (int) (tag & 7))) {
                return false;
            }
            long value = varint();
            if (value == CUT) {
                return true;
            }
            if (value == MALFORMED) {
                return false;
            }
            if ((tag & 7) == LENGTH_DELIMITED) {
                if (value > bytes.length - at) {
                    return true;
                }
                at += (int) value;
            }
        }
        return true;
    }

    /** The varint at the position, as a non-negative number; {@link #CUT} when the bytes end inside it. */
    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at == bytes.length) {
                return CUT;
            }
            byte b = bytes[at++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value & Long.MAX_VALUE;
            }
        }
        return MALFORMED;
    }

    /** Fields 1-6 and 11 are messages or strings, 7-10, 12, 14 and 15 numbers, 13 numbers either packed or not. */
    private static boolean expected(long field, int wireType) {
        if (field == 13) {
            return wireType == VARINT || wireType == LENGTH_DELIMITED;
        }
        if (field >= 1 && field <= 6 || field == 11) {
            return wireType == LENGTH_DELIMITED;
        }
        return field >= 7 && field <= 15 && wireType == VARINT;
    }
}
