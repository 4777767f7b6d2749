package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code profgate} process killed with SIGKILL while it writes a report folder or a baseline over an old one:
 * it is killed once its hidden staging folder appears, and the test checks that folder is still there afterwards (so
 * the kill did land mid-write). The old report or baseline is byte for byte what it was, no other folder that looks
 * finished appears, and the next run succeeds and removes the killed run's leftovers.
 */
class AtomicOutputKillTest {
    private static final String V1 = LimitsCliTest.fixture("go-payments-v1.cpu.pb.gz");
    private static final String V2 = LimitsCliTest.fixture("go-payments-v2-regex-per-call.cpu.pb.gz");
    private static final String LARGE = LimitsCliTest.fixture("large.cpu.pb.gz");

    @TempDir
    static Path tmp;
    static Path bigBase;
    static Path bigHead;

    @BeforeAll
    static void bigInputs() throws IOException {
        StackProfiles base = new StackProfiles();
        StackProfiles head = new StackProfiles();
        for (int stack = 0; stack < WIDE; stack++) {
            String[] names = new String[DEPTH];
            for (int level = 0; level < DEPTH; level++) {
                names[level] = "pkg" + stack % 97 + ".Type" + stack + ".method" + level;
            }
            base.add(100 + stack % 13, StackProfiles.frames(names));
            head.add(100 + stack % 17, StackProfiles.frames(names));
        }
        bigBase = base.write(tmp.resolve("big-base"));
        bigHead = head.write(tmp.resolve("big-head"));
    }

    private static final int WIDE = 1500;
    private static final int DEPTH = 20;

    @Test
    void aReportKilledMidWriteLeavesTheOldReportAndTheNextRunCleansUp() throws Exception {
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        Path out = reports.resolve("pr-1");
        CliRun old = CliRun.of("compare", "--base", V1, "--head", V2, "--out", out.toString());
        assertTrue(old.exit() == 0 || old.exit() == 1, old.err());
        Map<String, byte[]> before = contents(out);

        killWhenStaged(reports, out, List.of("compare", "--base", bigBase.toString(), "--head", bigHead.toString(),
                "--out", out.toString()));
        assertSameBytes(before, contents(out));
        assertEquals(List.of("pr-1"), visible(reports));

        CliRun next = CliRun.of("compare", "--base", V1, "--head", V2, "--out", out.toString());
        assertTrue(next.exit() == 0 || next.exit() == 1, next.err());
        assertEquals(List.of("pr-1"), entries(reports), "the killed run's staging folder is removed");
        assertSameBytes(before, contents(out));
    }

    @Test
    void aBaselineKilledMidSaveLeavesTheOldBaselineVerifiedAndNoOther() throws Exception {
        Path store = tmp.resolve("store");
        Path small = Files.createDirectories(tmp.resolve("small"));
        Files.copy(Path.of(V1), small.resolve("r1.pb.gz"));
        CliRun saved = CliRun.of("baseline", "save", "--name", "nightly", "--from", small.toString(), "--store",
                store.toString());
        assertEquals(0, saved.exit(), saved.err());
        Path nightly = store.resolve("nightly");
        Map<String, byte[]> before = contents(nightly);
        Path many = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 20; i++) {
            Files.copy(Path.of(LARGE), many.resolve("r" + i + ".pb.gz"));
        }

        killWhenStaged(store, nightly, List.of("baseline", "save", "--name", "nightly", "--replace", "--from",
                many.toString(), "--store", store.toString()));
        assertSameBytes(before, contents(nightly));
        assertEquals(List.of("nightly"), visible(store));
        CliRun list = CliRun.of("baseline", "list", "--store", store.toString());
        assertEquals(1, list.out().lines().filter(l -> l.startsWith("nightly")).count(), list.out());
        CliRun verify = CliRun.of("baseline", "verify", "--store", store.toString());
        assertEquals(0, verify.exit(), verify.err());
        assertEquals("ok  nightly (1 files match manifest.json)", verify.out().strip());

        CliRun again = CliRun.of("baseline", "save", "--name", "nightly", "--replace", "--from", small.toString(),
                "--store", store.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(List.of("nightly"), entries(store), "the killed run's staging folder is removed");
    }

    /**
     * Runs {@code args} as a process writing {@code target} in {@code parent}, kills it (SIGKILL) as soon as its
     * hidden staging folder appears, and checks the folder is still there once the process is gone.
     */
    private static void killWhenStaged(Path parent, Path target, List<String> args) throws Exception {
        String staging = "." + target.getFileName() + ".tmp-";
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            parent.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Process process = ProfgateProcess.start(Map.of(), tmp.resolve("kill.out"), tmp.resolve("kill.err"), args);
            while (!hasEntry(parent, staging)) {
                WatchKey key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                if (!process.isAlive()) {
                    throw new AssertionError("profgate ended (exit " + process.exitValue() + ") before staging: "
                            + Files.readString(tmp.resolve("kill.err")));
                }
            }
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertNotEquals(0, process.exitValue());
            assertNotEquals(1, process.exitValue());
        }
        assertTrue(hasEntry(parent, staging), "the kill landed before the staging folder was renamed into place: "
                + entries(parent));
    }

    private static boolean hasEntry(Path parent, String prefix) throws IOException {
        return entries(parent).stream().anyMatch(name -> name.startsWith(prefix));
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> visible(Path dir) throws IOException {
        return entries(dir).stream().filter(name -> !name.startsWith(".")).toList();
    }

    /** Every file under {@code dir} (relative path) with its bytes. */
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, actual.get(name)), name));
    }
}
