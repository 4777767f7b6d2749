package dev.profgate;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.stream.Stream;

/** Where the tests' real profiles are: the shared fixtures and this module's test resources. */
public final class TestFiles {
    private TestFiles() {
    }

    /** The repository root (system property {@code profgate.repo}, set by surefire). */
    public static Path repo() {
        return Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    }

    /** {@code src/test/resources/jmh/hash-result.json}: a real JMH result file (see the README beside it). */
    public static Path jmhResult() {
        try {
            return Path.of(TestFiles.class.getResource("/jmh/hash-result.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ../shared/fixtures/pprof}: real profiles with {@code go tool pprof} reference answers. */
    public static Path fixturesPprof() {
        return Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures")).resolve("pprof");
    }

    /** {@code src/test/resources/pprof}: the Go runtime and hand-built profiles with their references. */
    public static Path resourcesPprof() {
        try {
            return Path.of(TestFiles.class.getResource("/pprof").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code src/test/resources/recordings}: real recorded profile pools, one process run per file (see the README
     * there), as {@code go/same}, {@code go/regex}, ... {@code jfr/formatter}.
     */
    public static Path recordings() {
        try {
            return Path.of(TestFiles.class.getResource("/recordings").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code *.pb.gz} of both directories. */
    public static List<Path> pprofProfiles() {
        return Stream.of(fixturesPprof(), resourcesPprof())
                .flatMap(dir -> list(dir).stream())
                .filter(p -> p.getFileName().toString().endsWith(".pb.gz"))
                .toList();
    }

    public static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gz} inflated. */
    public static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
