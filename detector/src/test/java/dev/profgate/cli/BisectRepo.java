package dev.profgate.cli;

import dev.profgate.publish.TestGit;
import dev.profgate.source.Git;
import dev.profgate.workload.JmhJars;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A git repository of a tiny JMH benchmark and nine commits: {@code good}, then eight "pull requests" of which the
 * fourth moves the compilation of the order-code regex from a constant into {@code Orders.isValid}, on every call;
 * the others edit another class, a comment and the Javadoc of {@code Orders} outside the method body, and add files.
 * Its {@code build.sh} compiles the sources with javac and JMH's annotation processor (from the test class path)
 * and packs {@code target/bench.jar}, whose manifest points at the JMH jars: seconds, not a Maven build.
 */
final class BisectRepo {
    /** Classes of the jars a JMH benchmark runs with: JMH, its option parser and its statistics. */
    private static final List<String> LIBRARIES = List.of("org.openjdk.jmh.Main", "joptsimple.OptionParser",
            "org.apache.commons.math3.stat.descriptive.DescriptiveStatistics");

    /** The subject of the commit that compiles the regex per call. */
    static final String CULPRIT_SUBJECT = "Orders: validate with a regex compiled per call (#4)";

    private static final String ORDERS = """
            package bench;

            import java.util.regex.Pattern;

            /** Order codes. */
            public final class Orders {
                private static final Pattern CODE = Pattern.compile("[0-9]{10}");

                private Orders() {
                }

                /** Whether the code is ten digits. */
                public static boolean isValid(String code) {
                    return CODE.matcher(code).matches();
                }
            }
            """;

    private static final String BENCHMARK = """
            package bench;

            import java.util.concurrent.TimeUnit;
            import org.openjdk.jmh.annotations.Benchmark;
            import org.openjdk.jmh.annotations.BenchmarkMode;
            import org.openjdk.jmh.annotations.Mode;
            import org.openjdk.jmh.annotations.OutputTimeUnit;
            import org.openjdk.jmh.annotations.Scope;
            import org.openjdk.jmh.annotations.State;

            @State(Scope.Thread)
            @BenchmarkMode(Mode.AverageTime)
            @OutputTimeUnit(TimeUnit.NANOSECONDS)
            public class OrderBenchmark {
                private final String[] codes = {"0123456789", "98765x3210", "5555555555", "12345"};

                @Benchmark
                public int validate() {
                    int valid = 0;
                    for (String code : codes) {
                        valid += Orders.isValid(code) ? 1 : 0;
                    }
                    return valid + Labels.label(codes[0]).length();
                }
            }
            """;

    private static final String LABELS = """
            package bench;

            /** Labels of orders. */
            public final class Labels {
                private Labels() {
                }

                /** The label of a code. */
                public static String label(String code) {
                    return "order " + code;
                }
            }
            """;

    private final Path repo;
    private final List<String> commits = new ArrayList<>();

    private BisectRepo(Path repo) {
        this.repo = repo;
    }

    /** Creates the repository in {@code dir} ({@code dir/repo}; the build's manifest beside it). */
    static BisectRepo create(Path dir) throws IOException, InterruptedException {
        BisectRepo r = new BisectRepo(Files.createDirectories(dir.resolve("repo")));
        TestGit.run(r.repo, "init", "-q");
        Path manifest = Files.writeString(dir.resolve("manifest.txt"), "Class-Path: " + LIBRARIES.stream()
                .map(c -> JmhJars.location(c).toUri().toString()).collect(Collectors.joining(" ")) + "\n");
        r.write(".gitignore", "target/\n");
        r.write("build.sh", build(manifest));
        r.write("src/bench/Orders.java", ORDERS);
        r.write("src/bench/Labels.java", LABELS);
        r.write("src/bench/OrderBenchmark.java", BENCHMARK);
        r.commit("good");
        r.edit("src/bench/Labels.java", "\"order \"", "\"Order \"");
        r.commit("Labels: capitalised (#1)");
        r.edit("src/bench/Orders.java", "/** Order codes. */", "/** Order codes: ten digits. */");
        r.commit("Orders: class comment (#2)");
        r.write("src/bench/Shipping.java", "package bench;\n\n/** Shipping. */\nfinal class Shipping {\n}\n");
        r.commit("Shipping (#3)");
        r.edit("src/bench/Orders.java", "return CODE.matcher(code)", "return Pattern.compile(\"[0-9]{10}\").matcher(code)");
        r.commit(CULPRIT_SUBJECT);
        r.edit("src/bench/Orders.java", "/** Whether the code is ten digits. */", "/** Whether the code is ten ASCII digits. */");
        r.commit("Orders: Javadoc (#5)");
        r.edit("src/bench/Labels.java", "\"Order \"", "\"Order: \"");
        r.commit("Labels: colon (#6)");
        r.write("README.md", "# orders\n");
        r.commit("README (#7)");
        r.write("README.md", "# orders\n\nBenchmarks of order codes.\n");
        r.commit("README: benchmarks (#8)");
        return r;
    }

    Path dir() {
        return repo;
    }

    /** The hashes of the commits, oldest ({@code good}) first. */
    List<String> commits() {
        return List.copyOf(commits);
    }

    private static String build(Path manifest) {
        String cp = LIBRARIES.stream().map(c -> JmhJars.location(c).toString())
                .collect(Collectors.joining(File.pathSeparator));
        String processor = cp + File.pathSeparator + JmhJars.location("org.openjdk.jmh.generators.BenchmarkProcessor");
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        return "set -e\nrm -rf target && mkdir -p target/classes\n'" + bin.resolve("javac")
                + "' -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -nowarn --release 17 -d target/classes -cp '" + cp
                + "' -processorpath '" + processor + "' src/bench/*.java\n'" + bin.resolve("jar")
                + "' --create --file target/bench.jar --main-class org.openjdk.jmh.Main --manifest '" + manifest
                + "' -C target/classes .\n";
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void edit(String path, String from, String to) throws IOException {
        String text = Files.readString(repo.resolve(path));
        if (!text.contains(from)) {
            throw new IllegalStateException(path + " has no " + from);
        }
        Files.writeString(repo.resolve(path), text.replace(from, to));
    }

    private void commit(String subject) throws IOException, InterruptedException {
        TestGit.run(repo, "add", "-A");
        TestGit.run(repo, "commit", "-q", "-m", subject);
        commits.add(new Git(repo).run("rev-parse", "HEAD").strip());
    }
}
