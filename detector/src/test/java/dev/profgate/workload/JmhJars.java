package dev.profgate.workload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * JMH benchmark jars for tests, made as the examples' Maven build makes them but without Maven: the sources compiled
 * with JMH's annotation processor (for Java 17 by the test JVM's compiler, or for Java 21 by a newer JDK's
 * {@code javac}), then one uber-jar of the classes, JMH and its dependencies (from the test class path) with
 * {@code org.openjdk.jmh.Main} (or the sources' own) as main class and extra manifest attributes. Built once per test
 * JVM, into {@code detector/target/jmh-jars}.
 */
public final class JmhJars {
    private static final Map<String, Path> BUILT = new HashMap<>();
    private static final String JMH_MAIN = "org.openjdk.jmh.Main";
    private static final String[] LIBRARIES = {JMH_MAIN, "joptsimple.OptionParser",
            "org.apache.commons.math3.stat.descriptive.DescriptiveStatistics"};
    private static final String PROCESSOR = "org.openjdk.jmh.generators.BenchmarkProcessor";
    /** The test JVM's own compiler, for Java 17. */
    private static final Compiler IN_PROCESS = args -> ToolProvider.getSystemJavaCompiler().run(null, null, null,
            Stream.concat(Stream.of("--release", "17"), args.stream()).toArray(String[]::new));

    private JmhJars() {
    }

    /** The payments-api example's benchmarks jar baked as {@code variant} ({@code base}, {@code regex-per-call}, ...). */
    public static synchronized Path paymentsApi(String variant) throws IOException {
        String name = "benchmarks-" + variant + ".jar";
        if (!BUILT.containsKey(name)) {
            Path example = repo().resolve("examples/payments-api/src");
            Path classes = BUILT.containsKey("payments-api") ? BUILT.get("payments-api")
                    : compile("payments-api", List.of(example.resolve("main/java"), example.resolve("jmh/java")),
                            IN_PROCESS);
            BUILT.put("payments-api", classes);
            BUILT.put(name, pack(classes, name, JMH_MAIN, Map.of("Payments-Variant", variant)));
        }
        return BUILT.get(name);
    }

    /** A jar of the test benchmarks that throw, hang, or have parameters ({@code dev.profgate.testjmh}). */
    public static synchronized Path faulty() throws IOException {
        String name = "benchmarks-faulty.jar";
        if (!BUILT.containsKey(name)) {
            BUILT.put(name, pack(compile("faulty", List.of(resource("/jmh/faulty")), IN_PROCESS), name, JMH_MAIN,
                    Map.of()));
        }
        return BUILT.get(name);
    }

    /**
     * A jar of the Java 21 test benchmark ({@code dev.profgate.testjmh21}), its classes and main class compiled by
     * the {@code javac} of {@code jdk} for Java 21 (class file version 65): Java 17 can neither list nor run it.
     */
    public static synchronized Path java21(Path jdk) throws IOException {
        String name = "benchmarks-java21.jar";
        if (!BUILT.containsKey(name)) {
            Path classes = compile("java21", List.of(resource("/jmh/java21")), args -> javac(jdk, args));
            BUILT.put(name, pack(classes, name, "dev.profgate.testjmh21.Main", Map.of()));
        }
        return BUILT.get(name);
    }

    /** The repository root (system property {@code profgate.repo}). */
    public static Path repo() {
        return Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    }

    /** A Java compiler: its exit code for the arguments given. */
    private interface Compiler {
        int run(List<String> args) throws IOException;
    }

    private static Path compile(String name, List<Path> sourceRoots, Compiler compiler) throws IOException {
        Path out = target().resolve(name + "-classes");
        deleteTree(out);
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath(LIBRARIES),
                "-processorpath", classPath(PROCESSOR, LIBRARIES[0]), "-nowarn"));
        for (Path root : sourceRoots) {
            try (Stream<Path> sources = Files.walk(root)) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
        }
        if (compiler.run(args) != 0) {
            throw new IllegalStateException(name + " benchmarks do not compile");
        }
        return out;
    }

    /** Runs {@code jdk}'s {@code javac --release 21} on {@code args}, its output inherited by the test JVM's. */
    private static int javac(Path jdk, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/javac").toString(), "--release", "21"));
        command.addAll(args);
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
    }

    private static Path pack(Path classes, String name, String mainClass, Map<String, String> attributes)
            throws IOException {
        Path jar = target().resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        attributes.forEach((key, value) -> manifest.getMainAttributes().putValue(key, value));
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
            written.add(JarFile.MANIFEST_NAME);
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String entry = classes.relativize(file).toString().replace('\\', '/');
                    try (InputStream in = Files.newInputStream(file)) {
                        add(out, entry, in, written);
                    }
                }
            }
            for (String library : LIBRARIES) {
                copyLibrary(out, location(library), written);
            }
        }
        return Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyLibrary(JarOutputStream out, Path library, Set<String> written) throws IOException {
        try (JarFile jar = new JarFile(library.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                boolean signature = name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA")
                        || name.endsWith(".DSA"));
                if (!entry.isDirectory() && !signature && !name.endsWith("module-info.class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(out, name, in, written);
                    }
                }
            }
        }
    }

    private static void add(JarOutputStream out, String name, InputStream in, Set<String> written) throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    private static String classPath(String... classes) {
        return String.join(java.io.File.pathSeparator, Stream.of(classes).map(c -> location(c).toString()).toList());
    }

    /** The jar or folder on the test class path that holds class {@code className}. */
    public static Path location(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(className + " is not on the test class path", e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(JmhJars.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path target() throws IOException {
        return Files.createDirectories(repo().resolve("detector/target/jmh-jars"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
