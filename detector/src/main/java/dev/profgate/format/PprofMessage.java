package dev.profgate.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The parts of a pprof {@code Profile} message that profgate uses, as they come off the wire: columns of ids and
 * string-table indexes, nothing resolved or checked yet. Strings stay undecoded slices of the message bytes. Of
 * the sample labels only the numeric ones are kept (key, number, unit), as profgate reads only its timestamps.
 */
final class PprofMessage {
    final byte[] data;
    final LongList stringSlices = new LongList();
    final LongList sampleTypeNames = new LongList();
    final LongList sampleTypeUnits = new LongList();
    final LongList sampleLocationIds = new LongList();
    final LongList sampleLocationEnds = new LongList();
    final LongList sampleValues = new LongList();
    final LongList sampleValueEnds = new LongList();
    final LongList sampleLabelKeys = new LongList();
    final LongList sampleLabelNums = new LongList();
    final LongList sampleLabelUnits = new LongList();
    final LongList sampleLabelEnds = new LongList();
    final LongList mappingIds = new LongList();
    final LongList mappingFiles = new LongList();
    final LongList locationIds = new LongList();
    final LongList locationMappings = new LongList();
    final LongList locationLineEnds = new LongList();
    final LongList lineFunctions = new LongList();
    final LongList lineNumbers = new LongList();
    final LongList functionIds = new LongList();
    final LongList functionNames = new LongList();
    final LongList functionFiles = new LongList();
    long periodTypeName;
    long periodTypeUnit;
    long period;
    long timeNanos;
    long durationNanos;
    long defaultSampleType;

    PprofMessage(byte[] data) {
        this.data = data;
    }

    void addString(int offset, int length) {
        stringSlices.add((long) offset << 32 | length);
    }

    int stringCount() {
        return stringSlices.size();
    }

    /** Decodes string {@code index}, which the caller has checked; malformed UTF-8 becomes U+FFFD as in Go. */
    String string(int index) {
        long slice = stringSlices.get(index);
        return new String(data, (int) (slice >>> 32), (int) slice, StandardCharsets.UTF_8);
    }

    /** The index of the string {@code text} in the string table, or -1. */
    int indexOf(String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < stringCount(); i++) {
            long slice = stringSlices.get(i);
            int offset = (int) (slice >>> 32);
            if ((int) slice == wanted.length
                    && Arrays.equals(data, offset, offset + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    int sampleCount() {
        return sampleLocationEnds.size();
    }

    int locationCount() {
        return locationIds.size();
    }
}
