package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import dev.profgate.model.SampleType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a folder of real profiles as a baseline, listing it, opening it again, and refusing what is wrong. */
class BaselineStoreTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path tmp;

    private BaselineStore store() {
        return new BaselineStore(tmp.resolve("store"), Clock.fixed(NOW, ZoneOffset.UTC), Limits.defaults());
    }

    @Test
    void savedBaselineHoldsTheSameProfilesAndItsManifestDescribesThem() throws Exception {
        Path from = StoreInputs.folder(tmp.resolve("from"), 3, true);
        Baseline saved = store().save("main", from, "payments-api", "0123abcd", false);
        List<Path> sources = List.of(from.resolve("r1.pb.gz"), from.resolve("r2.pb.gz"), from.resolve("r3.pb.gz"));
        assertEquals(List.of("profiles/r1.pb.gz", "profiles/r2.pb.gz", "profiles/r3.pb.gz"),
                saved.manifest().profiles());
        for (int i = 0; i < sources.size(); i++) {
            assertEquals(totals(ProfileFormat.read(sources.get(i))), totals(ProfileFormat.read(saved.profiles().get(i))));
        }
        BaselineManifest manifest = saved.manifest();
        assertEquals("payments-api", manifest.service());
        assertEquals("0123abcd", manifest.commit());
        assertEquals(NOW, manifest.date());
        assertEquals(typesOf(sources), manifest.profileTypes());
        assertEquals(List.of("jmh/jmh-result.json"), manifest.jmhResults());
        assertEquals(Runtime.getRuntime().availableProcessors(), manifest.environment().machine().cpus());
        assertEquals(JmhResultFile.options(List.of(JmhResultFile.read(from.resolve("jmh-result.json")))),
                manifest.environment().jmhOptions());
        for (BaselineManifest.StoredFile file : manifest.files()) {
            assertEquals(sha256(saved.dir().resolve(file.path())), file.sha256(), file.path());
        }
    }

    @Test
    void listedAndReopenedWithTheSameManifest() throws Exception {
        BaselineStore store = store();
        Baseline saved = store.save("main", StoreInputs.folder(tmp.resolve("from"), 2, false), null, null, false);
        assertEquals(List.of("main"), store.names());
        List<BaselineStore.Listing> listings = store.list();
        assertEquals(1, listings.size());
        assertEquals(saved.manifest(), listings.get(0).manifest());
        assertEquals(saved.manifest(), store.open("main").manifest());
        assertEquals(Map.of(), saved.manifest().environment().jmhOptions());
    }

    @Test
    void savingLeavesNoStagingFolderAndAFailedSaveLeavesNothing() throws Exception {
        BaselineStore store = store();
        store.save("main", StoreInputs.folder(tmp.resolve("from"), 1, false), null, null, false);
        Path bad = StoreInputs.folder(tmp.resolve("bad"), 2, false);
        byte[] profile = Files.readAllBytes(bad.resolve("r1.pb.gz"));
        Files.write(bad.resolve("r3.pb.gz"), Arrays.copyOf(profile, profile.length / 2));
        assertThrows(BadInputException.class, () -> store.save("other", bad, null, null, false));
        try (var entries = Files.list(store.root())) {
            assertEquals(List.of("main"), entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anExistingBaselineIsReplacedOnlyWhenAsked() throws Exception {
        BaselineStore store = store();
        Path from = StoreInputs.folder(tmp.resolve("from"), 1, false);
        store.save("main", from, "one", null, false);
        BadInputException refused = assertThrows(BadInputException.class,
                () -> store.save("main", from, "two", null, false));
        assertTrue(refused.getMessage().contains("--replace"), refused.getMessage());
        assertEquals("one", store.open("main").manifest().service());
        store.save("main", from, "two", null, true);
        assertEquals("two", store.open("main").manifest().service());
        Files.createDirectories(store.root().resolve("plain"));
        assertThrows(BadInputException.class, () -> store.save("plain", from, null, null, true));
    }

    @Test
    void profilesThatWouldShareAStoredNameAreRefused() throws Exception {
        Path from = StoreInputs.folder(tmp.resolve("from"), 1, false);
        Files.copy(from.resolve("r1.pb.gz"), from.resolve("r1.pb"));
        BadInputException e = assertThrows(BadInputException.class, () -> store().save("x", from, null, null, false));
        assertTrue(e.getMessage().contains("would be stored as r1.pb.gz"), e.getMessage());
    }

    @Test
    void aCommitThatIsNotAHashIsRefusedBeforeAnythingIsStored() throws Exception {
        Path from = StoreInputs.folder(tmp.resolve("from"), 1, false);
        BaselineStore store = store();
        BadInputException e = assertThrows(BadInputException.class, () -> store.save("x", from, null, "v1.2", false));
        assertEquals("commit v1.2: not a commit hash (7 to 64 hex digits)", e.getMessage());
        assertFalse(Files.exists(store.root().resolve("x")), "nothing stored that the store could not read back");
    }

    @Test
    void aJsonFileThatIsNotAJmhResultIsRefused() throws Exception {
        Path from = StoreInputs.folder(tmp.resolve("from"), 1, false);
        Files.writeString(from.resolve("notes.json"), "{\"benchmark\": \"not in an array\"}");
        BadInputException e = assertThrows(BadInputException.class, () -> store().save("x", from, null, null, false));
        assertTrue(e.getMessage().startsWith(from.resolve("notes.json") + ": not a JMH result file"), e.getMessage());
    }

    @Test
    void aMissingBaselineIsOneLineNamingTheAvailableOnes() throws Exception {
        BaselineStore store = store();
        assertEquals("baseline:main: no such baseline in " + store.root() + "; available: none",
                assertThrows(BadInputException.class, () -> store.open("main")).getMessage());
        Path from = StoreInputs.folder(tmp.resolve("from"), 1, false);
        store.save("nightly", from, null, null, false);
        store.save("main", from, null, null, false);
        Files.createDirectories(store.root().resolve("demo/base"));
        assertEquals("baseline:release: no such baseline in " + store.root() + "; available: main, nightly",
                assertThrows(BadInputException.class, () -> store.open("release")).getMessage());
    }

    @Test
    void namesThatCouldLeaveTheStoreAreRefused() {
        for (String name : List.of("../main", ".hidden", "a/b", "", "main\n", "x".repeat(101))) {
            BadInputException e = assertThrows(BadInputException.class, () -> store().open(name), name);
            assertTrue(e.getMessage().contains("not a baseline name"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void foldersWithoutManifestAreNotBaselines() throws Exception {
        BaselineStore store = store();
        StoreInputs.folder(store.root().resolve("demo"), 1, false);
        assertEquals(List.of(), store.names());
        BadInputException e = assertThrows(BadInputException.class, () -> store.open("demo"));
        assertEquals(store.root().resolve("demo") + ": not a baseline (no manifest.json)", e.getMessage());
    }

    private static Map<String, String> totals(Profile profile) {
        Map<String, String> result = new TreeMap<>();
        for (int type = 0; type < profile.header().sampleTypes().size(); type++) {
            Dictionary functions = new Dictionary();
            FunctionTotals totals = FunctionTotals.of(profile, profile.tree().selfValues(type), functions);
            for (int f = 0; f < functions.size(); f++) {
                result.put(type + " " + functions.name(f), totals.self(f) + "/" + totals.total(f));
            }
        }
        return result;
    }

    private static List<String> typesOf(List<Path> profiles) {
        Set<String> types = new LinkedHashSet<>();
        profiles.forEach(p -> ProfileFormat.read(p).header().sampleTypes().stream().map(SampleType::toString)
                .forEach(types::add));
        return List.copyOf(types);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
