package dev.profgate.source;

import dev.profgate.model.Environment;
import java.time.Instant;
import java.util.List;

/**
 * The {@code manifest.json} of a stored baseline: what was recorded (service, git commit, date), where (the
 * {@link Environment}), which profile types the profiles hold, and the SHA-256 of every other file of the baseline.
 * {@code service} and {@code commit} may be null (not given, not in a git repository).
 */
public record BaselineManifest(String service, String commit, Instant date, Environment environment,
                               List<String> profileTypes, List<StoredFile> files) {
    /** Version of the manifest layout; bumped on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;
    /** The manifest's file name in a baseline folder. */
    public static final String FILE_NAME = "manifest.json";
    /** The folder of the stored profiles (gzipped pprof), one replicate each. */
    static final String PROFILES = "profiles";
    /** The folder of the stored JMH result files. */
    static final String JMH = "jmh";

    public BaselineManifest {
        profileTypes = List.copyOf(profileTypes);
        files = List.copyOf(files);
    }

    /** One stored file: its path inside the baseline folder ({@code /}-separated) and its SHA-256 in hex. */
    public record StoredFile(String path, String sha256) {
    }

    /** The paths of the stored profiles, one replicate each. */
    public List<String> profiles() {
        return files.stream().map(StoredFile::path).filter(p -> p.startsWith(PROFILES + "/")).toList();
    }

    /** The paths of the stored JMH result files. */
    public List<String> jmhResults() {
        return files.stream().map(StoredFile::path).filter(p -> p.startsWith(JMH + "/")).toList();
    }
}
