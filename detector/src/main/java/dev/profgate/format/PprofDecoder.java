package dev.profgate.format;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import java.io.IOException;

/**
 * Decodes a serialized pprof {@code Profile} (field numbers of {@code profile.proto}) straight from the wire into a
 * {@link PprofMessage}, building no object per sample, location or string. In a fresh JVM it decodes
 * {@code large.cpu.pb.gz} (2.4 MB of protobuf) with about 55 ms of CPU where {@code ProfileProto.Profile.parseFrom}
 * needs about 140 ms (and more compilation work besides).
 */
final class PprofDecoder {
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int DELIMITED = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private final CodedInputStream in;
    private final PprofMessage message;
    private final String source;
    private final Limits limits;
    private boolean seenTime;

    private PprofDecoder(byte[] data, String source, Limits limits) {
        this.in = CodedInputStream.newInstance(data);
        this.message = new PprofMessage(data);
        this.source = source;
        this.limits = limits;
    }

    static PprofMessage decode(byte[] data, String source, Limits limits) {
        PprofDecoder decoder = new PprofDecoder(data, source, limits);
        try {
            decoder.readProfile();
        } catch (InvalidProtocolBufferException e) {
            throw decoder.malformed("malformed protobuf near byte " + decoder.in.getTotalBytesRead());
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
        return decoder.message;
    }

    private void readProfile() throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> readSampleType(tag);
                case 2 -> readSample(tag);
                case 3 -> readMapping(tag);
                case 4 -> readLocation(tag);
                case 5 -> readFunction(tag);
                case 6 -> readString(tag);
                case 9 -> readTime(tag);
                case 10 -> message.durationNanos = readVarint(tag, "Profile.duration_nanos");
                case 11 -> readPeriodType(tag);
                case 12 -> message.period = readVarint(tag, "Profile.period");
                case 14 -> message.defaultSampleType = readVarint(tag, "Profile.default_sample_type");
                default -> in.skipField(tag);
            }
        }
    }

    private void readSampleType(int tag) throws IOException {
        int limit = enter(tag, "Profile.sample_type");
        long[] valueType = readValueType();
        message.sampleTypeNames.add(valueType[0]);
        message.sampleTypeUnits.add(valueType[1]);
        in.popLimit(limit);
    }

    private void readPeriodType(int tag) throws IOException {
        int limit = enter(tag, "Profile.period_type");
        long[] valueType = readValueType();
        message.periodTypeName = valueType[0];
        message.periodTypeUnit = valueType[1];
        in.popLimit(limit);
    }

    private long[] readValueType() throws IOException {
        long[] typeAndUnit = new long[2];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> typeAndUnit[0] = readVarint(tag, "ValueType.type");
                case 2 -> typeAndUnit[1] = readVarint(tag, "ValueType.unit");
                default -> in.skipField(tag);
            }
        }
        return typeAndUnit;
    }

    private void readSample(int tag) throws IOException {
        int limit = enter(tag, "Profile.sample");
        Limits.check(source, "samples", message.sampleCount() + 1L, limits.samples(), "samples");
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(field)) {
                case 1 -> readRepeated(field, message.sampleLocationIds, "Sample.location_id");
                case 2 -> readRepeated(field, message.sampleValues, "Sample.value");
                case 3 -> readLabel(field);
                default -> in.skipField(field);
            }
        }
        message.sampleLocationEnds.add(message.sampleLocationIds.size());
        message.sampleValueEnds.add(message.sampleValues.size());
        message.sampleLabelEnds.add(message.sampleLabelKeys.size());
        in.popLimit(limit);
    }

    /** Keeps a numeric label (one without a string value) of the current sample. */
    private void readLabel(int tag) throws IOException {
        int limit = enter(tag, "Sample.label");
        long key = 0;
        long str = 0;
        long num = 0;
        long unit = 0;
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(field)) {
                case 1 -> key = readVarint(field, "Label.key");
                case 2 -> str = readVarint(field, "Label.str");
                case 3 -> num = readVarint(field, "Label.num");
                case 4 -> unit = readVarint(field, "Label.num_unit");
                default -> in.skipField(field);
            }
        }
        if (str == 0) {
            message.sampleLabelKeys.add(key);
            message.sampleLabelNums.add(num);
            message.sampleLabelUnits.add(unit);
        }
        in.popLimit(limit);
    }

    private void readMapping(int tag) throws IOException {
        int limit = enter(tag, "Profile.mapping");
        long id = 0;
        long file = 0;
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(field)) {
                case 1 -> id = readVarint(field, "Mapping.id");
                case 5 -> file = readVarint(field, "Mapping.filename");
                default -> in.skipField(field);
            }
        }
        message.mappingIds.add(id);
        message.mappingFiles.add(file);
        in.popLimit(limit);
    }

    private void readLocation(int tag) throws IOException {
        int limit = enter(tag, "Profile.location");
        Limits.check(source, "locations", message.locationCount() + 1L, limits.locations(), "locations");
        long id = 0;
        long mapping = 0;
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(field)) {
                case 1 -> id = readVarint(field, "Location.id");
                case 2 -> mapping = readVarint(field, "Location.mapping_id");
                case 4 -> readLine(field);
                default -> in.skipField(field);
            }
        }
        message.locationIds.add(id);
        message.locationMappings.add(mapping);
        message.locationLineEnds.add(message.lineFunctions.size());
        in.popLimit(limit);
    }

    private void readLine(int tag) throws IOException {
        int limit = enter(tag, "Location.line");
        long function = 0;
        long line = 0;
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(field)) {
                case 1 -> function = readVarint(field, "Line.function_id");
                case 2 -> line = readVarint(field, "Line.line");
                default -> in.skipField(field);
            }
        }
        message.lineFunctions.add(function);
        message.lineNumbers.add(line);
        in.popLimit(limit);
    }

    private void readFunction(int tag) throws IOException {
        int limit = enter(tag, "Profile.function");
        Limits.check(source, "functions", message.functionIds.size() + 1L, limits.functions(), "functions");
        long id = 0;
        long name = 0;
        long file = 0;
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(field)) {
                case 1 -> id = readVarint(field, "Function.id");
                case 2 -> name = readVarint(field, "Function.name");
                case 4 -> file = readVarint(field, "Function.filename");
                default -> in.skipField(field);
            }
        }
        message.functionIds.add(id);
        message.functionNames.add(name);
        message.functionFiles.add(file);
        in.popLimit(limit);
    }

    private void readString(int tag) throws IOException {
        expect(tag, DELIMITED, "Profile.string_table");
        int length = in.readRawVarint32();
        Limits.check(source, "strings", message.stringCount() + 1L, limits.strings(), "strings");
        limits.checkStringLength(source, length);
        int offset = in.getTotalBytesRead();
        in.skipRawBytes(length);
        if (message.stringCount() == 0 && length != 0) {
            throw malformed("string_table[0] must be the empty string");
        }
        message.addString(offset, length);
    }

    private void readTime(int tag) throws IOException {
        if (seenTime) {
            throw malformed("two profiles concatenated (time_nanos appears twice)");
        }
        seenTime = true;
        message.timeNanos = readVarint(tag, "Profile.time_nanos");
    }

    /** Reads a repeated integer field in either encoding: packed (one delimited run) or one varint per tag. */
    private void readRepeated(int tag, LongList into, String field) throws IOException {
        if (WireFormat.getTagWireType(tag) == DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (!in.isAtEnd()) {
                into.add(in.readRawVarint64());
            }
            in.popLimit(limit);
        } else {
            into.add(readVarint(tag, field));
        }
    }

    private long readVarint(int tag, String field) throws IOException {
        expect(tag, VARINT, field);
        return in.readRawVarint64();
    }

    private int enter(int tag, String field) throws IOException {
        expect(tag, DELIMITED, field);
        return in.pushLimit(in.readRawVarint32());
    }

    private void expect(int tag, int wireType, String field) {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw malformed(field + " has wire type " + WireFormat.getTagWireType(tag) + " instead of " + wireType);
        }
    }

    private BadInputException malformed(String problem) {
        return new BadInputException(source, "not a pprof profile: " + problem);
    }
}
