package dev.profgate.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Inputs for baseline tests: folders of real profiles (the committed demo replicates) and manifest edits. */
public final class StoreInputs {
    /** The demo's base replicates: real JFR CPU profiles of payments-api, converted to pprof. */
    public static final Path DEMO_BASE = TestFiles.repo().resolve("baselines/demo/base");
    /** The demo's head replicates (the regex compiled per call). */
    public static final Path DEMO_HEAD = TestFiles.repo().resolve("baselines/demo/head");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreInputs() {
    }

    /** A new folder {@code dir} with the first {@code profiles} demo base replicates and, if {@code jmh}, a JMH result. */
    public static Path folder(Path dir, int profiles, boolean jmh) throws IOException {
        Files.createDirectories(dir);
        for (Path profile : TestFiles.list(DEMO_BASE).subList(0, profiles)) {
            Files.copy(profile, dir.resolve(profile.getFileName()));
        }
        if (jmh) {
            Files.copy(TestFiles.jmhResult(), dir.resolve("jmh-result.json"));
        }
        return dir;
    }

    /** Rewrites the manifest of the baseline in {@code dir} with {@code edit} (the manifest itself is not hashed). */
    public static void editManifest(Path dir, Consumer<ObjectNode> edit) throws IOException {
        Path manifest = dir.resolve(BaselineManifest.FILE_NAME);
        ObjectNode root = (ObjectNode) JSON.readTree(manifest.toFile());
        edit.accept(root);
        JSON.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), root);
    }

    /** Every regular file below {@code dir}. */
    public static List<Path> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
