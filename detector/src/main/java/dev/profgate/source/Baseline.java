package dev.profgate.source;

import java.nio.file.Path;
import java.util.List;

/** A stored baseline whose files matched its manifest when it was opened: its name, folder and manifest. */
public record Baseline(String name, Path dir, BaselineManifest manifest) {
    /** The stored profiles (gzipped pprof), one replicate each, in manifest order. */
    public List<Path> profiles() {
        return manifest.profiles().stream().map(dir::resolve).toList();
    }

    /** The stored JMH result files. */
    public List<JmhResultFile> jmhResults() {
        return manifest.jmhResults().stream().map(dir::resolve).map(JmhResultFile::read).toList();
    }
}
