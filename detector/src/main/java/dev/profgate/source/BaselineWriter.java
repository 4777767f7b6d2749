package dev.profgate.source;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Folders;
import dev.profgate.base.Limits;
import dev.profgate.format.PprofExport;
import dev.profgate.model.Profile;
import dev.profgate.model.SampleType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Saves a folder of profiles and JMH result files as a baseline: every profile converted to gzipped pprof by
 * {@link PprofExport} (stacks, values and timestamps only; a JFR recording's environment, system properties and JVM
 * arguments are dropped), every JMH result file reduced to {@link JmhResultFile#KEPT_FIELDS}, the manifest written
 * last, all in a hidden staging folder renamed into place at the end.
 */
final class BaselineWriter {
    private final Path target;
    private final Path from;
    private final Limits limits;
    private final List<JmhResultFile> jmh = new ArrayList<>();
    private final Set<String> profileTypes = new LinkedHashSet<>();
    private final List<BaselineManifest.StoredFile> files = new ArrayList<>();

    private BaselineWriter(Path target, Path from, Limits limits) {
        this.target = target;
        this.from = from;
        this.limits = limits;
    }

    /**
     * Saves {@code from}, read within {@code limits}, as the baseline folder {@code target}, which must not exist or
     * be a baseline to replace.
     */
    static void save(Path target, Path from, String service, String commit, Instant date, Limits limits) {
        new BaselineWriter(target, from, limits).write(service, commit, date);
    }

    private void write(String service, String commit, Instant date) {
        if (!Files.isDirectory(from)) {
            throw new BadInputException(from.toString(), "no such directory");
        }
        List<Path> profiles = ProfileLoader.resolve(List.of(from.toString()));
        EnvironmentProbe.jmhFiles(from).forEach(file -> jmh.add(JmhResultFile.read(file, limits)));
        try {
            Path staging = Folders.createStaging(target);
            try {
                storeProfiles(staging, profiles);
                storeJmhResults(staging);
                BaselineManifest manifest = new BaselineManifest(service, commit, date,
                        EnvironmentProbe.current(jmh), List.copyOf(profileTypes), files);
                Files.write(staging.resolve(BaselineManifest.FILE_NAME), ManifestJson.write(manifest));
                Folders.moveIntoPlace(staging, target);
            } finally {
                Folders.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new BadInputException(target.toString(), "cannot write the baseline: " + Folders.whyNotWritten(e),
                    e);
        }
    }

    private void storeProfiles(Path staging, List<Path> profiles) throws IOException {
        Path dir = Files.createDirectory(staging.resolve(BaselineManifest.PROFILES));
        for (Path file : profiles) {
            Path out = dir.resolve(storedName(file.getFileName().toString()));
            if (Files.exists(out)) {
                throw new BadInputException(file.toString(), "would be stored as " + out.getFileName()
                        + " like another profile of " + from + "; rename one of them");
            }
            Profile profile = PprofExport.convert(file, out, limits);
            profile.header().sampleTypes().stream().map(SampleType::toString).forEach(profileTypes::add);
            record(staging, out);
        }
    }

    private void storeJmhResults(Path staging) throws IOException {
        if (jmh.isEmpty()) {
            return;
        }
        Path dir = Files.createDirectory(staging.resolve(BaselineManifest.JMH));
        for (JmhResultFile results : jmh) {
            Path out = dir.resolve(Path.of(results.source()).getFileName());
            Files.write(out, results.sanitized());
            record(staging, out);
        }
    }

    private void record(Path staging, Path file) throws IOException {
        String path = staging.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        files.add(new BaselineManifest.StoredFile(path, Sha256.of(file)));
    }

    /** {@code r1.jfr}, {@code r1.pb.gz}, {@code r1.collapsed}: {@code r1.pb.gz} (one extension and ".gz" dropped). */
    static String storedName(String fileName) {
        String name = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".pb.gz";
    }
}
