package dev.profgate.format;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Whether bytes can begin a serialized pprof {@code Profile}, which has no magic number: every field read is one of
 * {@code profile.proto}'s with its wire type. Tells a profile from the other files of a folder (a README, a JSON file,
 * an archive); it accepts far more than it should reject, so the reader still decides whether the profile is valid.
 */
final class PprofSignature {
    private PprofSignature() {
    }

    /** True when {@code head}, the first bytes of a file's (decompressed) content, start like a pprof Profile. */
    static boolean matches(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        CodedInputStream in = CodedInputStream.newInstance(head);
        try {
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int wireType = WireFormat.getTagWireType(tag);
                if (!expected(WireFormat.getTagFieldNumber(tag), wireType)) {
                    return false;
                }
                if (wireType == WireFormat.WIRETYPE_VARINT) {
                    in.readRawVarint64();
                } else {
                    int length = in.readRawVarint32();
                    if (length < 0) {
                        return false;
                    }
                    if (length > head.length - in.getTotalBytesRead()) {
                        return true; // the field goes on beyond the bytes peeked at
                    }
                    in.skipRawBytes(length);
                }
            }
            return true;
        } catch (IOException e) {
            return false; // a varint cut off by the end of the bytes, or not a varint at all
        }
    }

    /** Fields 1-6 and 11 are messages or strings, 7-10, 12, 14 and 15 numbers, 13 numbers either packed or not. */
    private static boolean expected(int field, int wireType) {
        return switch (field) {
            case 1, 2, 3, 4, 5, 6, 11 -> wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            case 7, 8, 9, 10, 12, 14, 15 -> wireType == WireFormat.WIRETYPE_VARINT;
            case 13 -> wireType == WireFormat.WIRETYPE_VARINT || wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            default -> false;
        };
    }
}
