package dev.profgate.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.profgate.TestFiles;
import dev.profgate.base.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The golden files of one run, {@code src/test/resources/golden/RUN/FILE}: a run's outputs are compared with them
 * byte for byte after the run's replacements, or, with {@code -Dprofgate.golden.update=true}, written as them. A
 * file of {@value #GZIP_FROM} bytes or more is kept gzipped as {@code FILE.gz} (compared after gunzip), and so is
 * every {@code .html} page: each carries the flame graph's page template, which would otherwise stand in the tree
 * once per run. Every run's outputs name the profgate that wrote them, whose version and commit change with every
 * release and commit: in the golden files they are {@code $VERSION} and {@code $COMMIT} ({@link #BUILD}).
 */
final class GoldenFiles {
    /** Rewrite the golden files instead of comparing. */
    static final boolean UPDATE = Boolean.getBoolean("profgate.golden.update");
    static final int GZIP_FROM = 64 * 1024;
    private static final String GZ = ".gz";
    private static final int EXCERPT = 80;
    /** The version and commit as report.json ({@code tool}) and SARIF ({@code tool.driver}) carry them. */
    private static final Map<String, String> BUILD = Map.of(
            "\"version\" : \"" + Version.NUMBER + "\"", "\"version\" : \"$VERSION\"",
            "\"semanticVersion\" : \"" + Version.NUMBER + "\"", "\"semanticVersion\" : \"$VERSION\"",
            "\"commit\" : \"" + Version.COMMIT + "\"", "\"commit\" : \"$COMMIT\"");
    private static final Pattern FLAME_DATA =
            Pattern.compile("(<script [^>]*id=\"flame-data\">)([A-Za-z0-9+/=]+)(</script>)");

    private final String run;
    private final Path dir;
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private boolean flameDataDecoded;

    GoldenFiles(String run) {
        this.run = run;
        this.dir = TestFiles.repo().resolve("detector/src/test/resources/golden").resolve(run);
        replacements.putAll(BUILD);
    }

    /** Replaces every occurrence of {@code literal} in the outputs with {@code placeholder} before comparing. */
    GoldenFiles replacing(String literal, String placeholder) {
        replacements.put(literal, placeholder);
        return this;
    }

    /**
     * Shows the flame graph page's data (gzip-compressed JSON in base64) decoded before the replacements are made, so
     * that they reach into it too.
     */
    GoldenFiles decodingFlameData() {
        flameDataDecoded = true;
        return this;
    }

    /** Every file under {@code out}, by its path relative to it. */
    void assertFolder(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : DeterminismTest.files(out)) {
            files.put(name, Files.readAllBytes(out.resolve(name)));
        }
        assertFiles(files);
    }

    /** The outputs given by file name. */
    void assertFiles(Map<String, byte[]> outputs) throws IOException {
        Map<String, byte[]> actual = new TreeMap<>();
        outputs.forEach((name, bytes) -> actual.put(name, normalised(bytes)));
        if (UPDATE) {
            write(actual);
            return;
        }
        assertEquals(goldenNames(), List.copyOf(actual.keySet()), "golden " + run + ": the files written");
        for (Map.Entry<String, byte[]> file : actual.entrySet()) {
            assertIdentical(file.getKey(), golden(file.getKey()), file.getValue());
        }
    }

    /**
     * {@code bytes} with the replacements made, byte for byte elsewhere: read as ISO-8859-1, which maps each byte to
     * one character, and each literal as its UTF-8 bytes.
     */
    private byte[] normalised(byte[] bytes) {
        String text = new String(bytes, ISO_8859_1);
        if (flameDataDecoded) {
            text = FLAME_DATA.matcher(text).replaceAll(data -> Matcher.quoteReplacement(data.group(1)
                    + new String(TestFiles.gunzip(Base64.getDecoder().decode(data.group(2))), ISO_8859_1)
                    + data.group(3)));
        }
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(latin1(replacement.getKey()), latin1(replacement.getValue()));
        }
        return text.getBytes(ISO_8859_1);
    }

    private static String latin1(String text) {
        return new String(text.getBytes(UTF_8), ISO_8859_1);
    }

    private void assertIdentical(String name, byte[] golden, byte[] actual) {
        if (!Arrays.equals(golden, actual)) {
            fail("golden " + run + "/" + name + " differs (if intended, regenerate with -Dprofgate.golden.update=true)"
                    + " at " + firstDifference(golden, actual));
        }
    }

    /** The golden file names without {@code .gz}, sorted. */
    private List<String> goldenNames() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return DeterminismTest.files(dir).stream().map(name -> name.endsWith(GZ)
                ? name.substring(0, name.length() - GZ.length()) : name).sorted().toList();
    }

    private byte[] golden(String name) throws IOException {
        Path gzipped = dir.resolve(name + GZ);
        return Files.exists(gzipped) ? TestFiles.gunzip(Files.readAllBytes(gzipped))
                : Files.readAllBytes(dir.resolve(name));
    }

    /** Writes the files, rewriting only those whose content changed, and deletes golden files no longer written. */
    private void write(Map<String, byte[]> actual) throws IOException {
        for (String name : goldenNames()) {
            if (!actual.containsKey(name)) {
                Files.deleteIfExists(dir.resolve(name));
                Files.deleteIfExists(dir.resolve(name + GZ));
            }
        }
        for (Map.Entry<String, byte[]> file : actual.entrySet()) {
            writeIfChanged(file.getKey(), file.getValue());
        }
    }

    private void writeIfChanged(String name, byte[] bytes) throws IOException {
        boolean gzip = bytes.length >= GZIP_FROM || name.endsWith(".html");
        Path target = dir.resolve(gzip ? name + GZ : name);
        if (Files.exists(target) && Arrays.equals(golden(name), bytes)) {
            return;
        }
        Files.deleteIfExists(dir.resolve(gzip ? name : name + GZ));
        Files.createDirectories(target.getParent());
        Files.write(target, gzip ? gzip(bytes) : bytes);
    }

    /** Where two texts first differ: line and column (from 1) and both lines around that column. */
    static String firstDifference(byte[] golden, byte[] actual) {
        String[] expected = new String(golden, UTF_8).split("\n", -1);
        String[] got = new String(actual, UTF_8).split("\n", -1);
        int line = 0;
        while (line < expected.length && line < got.length && expected[line].equals(got[line])) {
            line++;
        }
        if (line == expected.length && line == got.length) {
            return "bytes that differ only where they are not UTF-8 text";
        }
        String want = line < expected.length ? expected[line] : "";
        String have = line < got.length ? got[line] : "";
        int column = 0;
        while (column < want.length() && column < have.length() && want.charAt(column) == have.charAt(column)) {
            column++;
        }
        return "line " + (line + 1) + ", column " + (column + 1) + "\n  golden: " + excerpt(expected, line, column)
                + "\n  actual: " + excerpt(got, line, column);
    }

    private static String excerpt(String[] lines, int line, int column) {
        if (line >= lines.length) {
            return "(end of file)";
        }
        String text = lines[line];
        int from = Math.max(0, column - EXCERPT / 2);
        int to = Math.min(text.length(), from + EXCERPT);
        String cut = text.substring(from, to).replace("\r", "\\r");
        return (from > 0 ? "…" : "") + cut + (to < text.length() ? "…" : "");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }
}
