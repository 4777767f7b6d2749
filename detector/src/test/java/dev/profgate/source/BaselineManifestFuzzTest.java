package dev.profgate.source;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profgate.Fuzzing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the baseline manifest reader through the store: {@link BaselineStore#open} (the manifest read strictly,
 * then the folder verified against it) and {@link BaselineStore#list} (every manifest read, problems kept apart).
 */
class BaselineManifestFuzzTest {
    private static final Path STORE = Fuzzing.scratchFolder().resolve("baselines");
    private static final String NAME = "fuzzed";

    @Timeout(Fuzzing.HANG_SECONDS)
    @FuzzTest(maxDuration = Fuzzing.SHORT_PASS)
    void manifest(byte[] data) {
        Path dir = STORE.resolve(NAME);
        write(dir.resolve(BaselineManifest.FILE_NAME), data);
        BaselineStore store = new BaselineStore(STORE);
        Fuzzing.expectResultOrInputError(dir.toString(), () -> store.open(NAME));
        for (BaselineStore.Listing listing : store.list()) {
            if (listing.problem() != null) {
                Fuzzing.checkInputError(dir.toString(), listing.problem());
            }
        }
    }

    private static void write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
