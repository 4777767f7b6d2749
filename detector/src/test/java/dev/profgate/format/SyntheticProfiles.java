package dev.profgate.format;

import dev.profgate.format.pprof.ProfileProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Hand-built pprof profiles for what real profilers rarely produce: sparse and huge ids, unsymbolized locations,
 * nameless functions, inline lines (one function always, one sometimes inlined), recursion, an unused location,
 * an empty stack, a non-last default sample type. {@code main} writes {@code edge-cases.pb.gz} (see
 * {@code src/test/resources/pprof/README.md}); tests also break these profiles on purpose.
 */
final class SyntheticProfiles {
    private SyntheticProfiles() {
    }

    /** A builder with a string table that tests extend through {@link Strings}. */
    static final class Strings {
        private final List<String> table = new ArrayList<>(List.of(""));

        long id(String s) {
            int index = table.indexOf(s);
            if (index >= 0) {
                return index;
            }
            table.add(s);
            return table.size() - 1;
        }

        ProfileProto.Profile.Builder into(ProfileProto.Profile.Builder profile) {
            return profile.clearStringTable().addAllStringTable(table);
        }
    }

    static ProfileProto.Profile edgeCases() {
        Strings s = new Strings();
        ProfileProto.Profile.Builder p = ProfileProto.Profile.newBuilder()
                .addSampleType(valueType(s, "calls", "count"))
                .addSampleType(valueType(s, "wall", "nanoseconds"))
                .setDefaultSampleType(s.id("calls"))
                .setPeriodType(valueType(s, "wall", "nanoseconds"))
                .setPeriod(1_000_000)
                .setDurationNanos(2_000_000_000L)
                .addComment(s.id("synthetic profile for profgate tests"));
        p.addMapping(mapping(7, s.id("/opt/app/bin/server")));
        p.addMapping(mapping(9, s.id("/usr/lib/x86_64-linux-gnu/libc.so.6")));
        p.addFunction(function(1000, s.id("main.handle"), s.id("app/main.go")));
        p.addFunction(function(3, s.id("main.parse"), s.id("app/parse.go")));
        p.addFunction(function(77, s.id("strings.Index"), s.id("strings/strings.go")));
        p.addFunction(function(500, 0, s.id("gen.go")));
        p.addFunction(function(42, s.id("main.recurse"), s.id("app/main.go")));
        p.addFunction(function(2, s.id("main.idle"), s.id("app/main.go")));
        p.addFunction(function(4, s.id("bytes.Equal"), s.id("bytes/bytes.go")));
        p.addLocation(location(900, 7, line(77, 10), line(3, 20)));
        p.addLocation(location(5, 7, line(1000, 30)));
        p.addLocation(location(123_456_789_012L, 9));
        p.addLocation(location(-2, 9));
        p.addLocation(location(17, 0));
        p.addLocation(location(18, 7, line(500, 0)));
        p.addLocation(location(31, 7, line(42, 5)));
        p.addLocation(location(32, 7, line(3, 25)));
        p.addLocation(location(33, 7, line(77, 12)));
        p.addLocation(location(34, 7, line(2, 40)));
        p.addLocation(location(36, 7, line(4, 7), line(42, 6)));
        p.addSample(sample(new long[] {900, 5}, 3, 3000));
        p.addSample(sample(new long[] {123_456_789_012L, 900, 5}, 2, 500));
        p.addSample(sample(new long[] {-2, 5}, 2, 250));
        p.addSample(sample(new long[] {17, 5}, 1, 100));
        p.addSample(sample(new long[] {18, 5}, 4, 40).addLabel(ProfileProto.Label.newBuilder()
                .setKey(s.id("request")).setStr(s.id("checkout"))));
        p.addSample(sample(new long[] {31, 31, 31, 5}, 5, 5000));
        p.addSample(sample(new long[] {33, 5}, 2, 200));
        p.addSample(sample(new long[] {36, 31, 5}, 1, 60));
        p.addSample(sample(new long[] {}, 1, 10));
        p.addSample(sample(new long[] {34, 5}, 0, 700));
        return s.into(p).build();
    }

    static ProfileProto.ValueType.Builder valueType(Strings s, String type, String unit) {
        return ProfileProto.ValueType.newBuilder().setType(s.id(type)).setUnit(s.id(unit));
    }

    static ProfileProto.Mapping mapping(long id, long file) {
        return ProfileProto.Mapping.newBuilder().setId(id).setFilename(file).setHasFunctions(true).build();
    }

    static ProfileProto.Function function(long id, long name, long file) {
        return ProfileProto.Function.newBuilder().setId(id).setName(name).setSystemName(name).setFilename(file).build();
    }

    static ProfileProto.Line line(long function, long line) {
        return ProfileProto.Line.newBuilder().setFunctionId(function).setLine(line).build();
    }

    static ProfileProto.Location location(long id, long mapping, ProfileProto.Line... lines) {
        return ProfileProto.Location.newBuilder().setId(id).setMappingId(mapping).addAllLine(List.of(lines)).build();
    }

    static ProfileProto.Sample.Builder sample(long[] locationIds, long... values) {
        ProfileProto.Sample.Builder sample = ProfileProto.Sample.newBuilder();
        for (long id : locationIds) {
            sample.addLocationId(id);
        }
        for (long value : values) {
            sample.addValue(value);
        }
        return sample;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), gzip(edgeCases().toByteArray()));
    }
}
