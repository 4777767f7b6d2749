package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A baseline changed after it was saved is refused when opened, with one line naming it and what is wrong. */
class BaselineTamperTest {
    @TempDir
    static Path from;

    @TempDir
    Path tmp;

    private BaselineStore store;
    private Path dir;

    /** A change to a saved baseline folder. */
    interface Tampering {
        void apply(Path dir) throws IOException;
    }

    @BeforeEach
    void save() throws IOException {
        if (!Files.exists(from.resolve("r1.pb.gz"))) {
            StoreInputs.folder(from, 2, true);
        }
        store = new BaselineStore(tmp.resolve("store"));
        dir = store.save("main", from, "payments-api", null, false).dir();
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                tampering("one byte of a profile changed", d -> flipByte(d.resolve("profiles/r2.pb.gz")),
                        "tampered or corrupt baseline: profiles/r2.pb.gz does not match its SHA-256 in manifest.json"),
                tampering("one byte of the JMH result changed", d -> flipByte(d.resolve("jmh/jmh-result.json")),
                        "tampered or corrupt baseline: jmh/jmh-result.json does not match its SHA-256"),
                tampering("a profile deleted", d -> Files.delete(d.resolve("profiles/r1.pb.gz")),
                        "tampered or corrupt baseline: profiles/r1.pb.gz is missing (listed in manifest.json)"),
                tampering("a profile added", d -> Files.copy(d.resolve("profiles/r1.pb.gz"), d.resolve("profiles/r9.pb.gz")),
                        "tampered or corrupt baseline: unexpected profiles/r9.pb.gz (not in manifest.json)"),
                tampering("a hidden file added", d -> Files.writeString(d.resolve(".env"), "TOKEN=x"),
                        "unexpected .env (not in manifest.json)"),
                tampering("a folder added", d -> Files.createDirectory(d.resolve("extra")),
                        "unexpected extra (not in manifest.json)"),
                tampering("a profile replaced by a symbolic link", BaselineTamperTest::replaceBySymlink,
                        "unexpected profiles/r1.pb.gz (not in manifest.json)"),
                tampering("the manifest deleted", d -> Files.delete(d.resolve("manifest.json")),
                        "not a baseline (no manifest.json)"),
                tampering("the manifest cut short", d -> truncate(d.resolve("manifest.json")),
                        "malformed manifest.json (not valid JSON"),
                tampering("the manifest without a date", d -> StoreInputs.editManifest(d, m -> m.remove("date")),
                        "malformed manifest.json ('date' must be a non-empty string)"),
                tampering("the manifest with a bad date", d -> StoreInputs.editManifest(d, m -> m.put("date", "yesterday")),
                        "malformed manifest.json ('date' is not an ISO-8601 UTC time: yesterday)"),
                tampering("the manifest with CPUs as text", d -> StoreInputs.editManifest(d,
                        m -> m.with("machine").put("cpus", "2")), "malformed manifest.json ('cpus' must be an integer)"),
                tampering("the manifest pointing outside", d -> StoreInputs.editManifest(d,
                        m -> m.withArray("files").addObject().put("path", "profiles/../../secret").put("sha256", "0".repeat(64))),
                        "malformed manifest.json (file path 'profiles/../../secret' is not profiles/NAME or jmh/NAME)"),
                tampering("the manifest listing a file twice", d -> StoreInputs.editManifest(d,
                        m -> m.withArray("files").add(m.withArray("files").get(0).deepCopy())),
                        "malformed manifest.json (file profiles/r1.pb.gz is listed twice)"),
                tampering("the manifest with a short hash", d -> StoreInputs.editManifest(d,
                        m -> ((ObjectNode) m.withArray("files").get(0)).put("sha256", "abc")),
                        "malformed manifest.json ('sha256' of profiles/r1.pb.gz is not 64 lower-case hex digits)"),
                tampering("the manifest with a terminal escape", d -> StoreInputs.editManifest(d,
                        m -> m.put("service", "pay\u001b[2Jments")), "malformed manifest.json ('service' holds control characters)"),
                tampering("the manifest from a newer profgate", d -> StoreInputs.editManifest(d,
                        m -> m.put("schemaVersion", BaselineManifest.SCHEMA_VERSION + 1)), "newer than this profgate reads"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void isRefusedWithOneLine(String what, Tampering tampering, String expected) throws IOException {
        tampering.apply(dir);
        BadInputException e = assertThrows(BadInputException.class, () -> store.open("main"));
        assertTrue(e.getMessage().startsWith(dir + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static Arguments tampering(String what, Tampering tampering, String expected) {
        return Arguments.of(what, tampering, expected);
    }

    private static void flipByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static void replaceBySymlink(Path dir) throws IOException {
        Path profile = dir.resolve("profiles/r1.pb.gz");
        Path outside = dir.resolveSibling("outside.pb.gz");
        Files.move(profile, outside);
        Files.createSymbolicLink(profile, outside);
    }
}
