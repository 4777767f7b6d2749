package dev.profgate.jenkins.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in for the profgate program, as a shell script: it records each invocation's arguments and the
 * environment variables that carry credentials, copies a real report folder to its {@code --out} and exits with a
 * chosen code; {@code publish github} runs only record (and keep the GitHub event file) and exit 0. Installed as
 * a launcher ({@code launcher:}) or as {@code $JAVA_HOME/bin/java} (then it skips the JVM flags and
 * {@code -jar JAR}), so the step's real shell script runs unchanged.
 */
final class FakeProfgate {
    /** The environment variables each invocation records (unset ones as {@code <unset>}). */
    static final List<String> RECORDED = List.of("PROFGATE_PYROSCOPE_TOKEN", "PROFGATE_PYROSCOPE_USER",
            "PROFGATE_PYROSCOPE_PASSWORD", "GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_EVENT_PATH",
            "GITHUB_API_URL");
    private final Path dir;
    final Path program;

    private FakeProfgate(Path dir, Path program) {
        this.dir = dir;
        this.program = program;
    }

    /** A fake launcher in {@code dir} writing {@code report} (null: nothing) and exiting with {@code exit}. */
    static FakeProfgate launcher(Path dir, Path report, int exit) throws IOException {
        return new FakeProfgate(dir, write(dir, dir.resolve("profgate"), report, exit));
    }

    /** A fake JDK under {@code dir}: {@code dir/jdk/bin/java}, for JAVA_HOME. */
    static FakeProfgate java(Path dir, Path report, int exit) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        return new FakeProfgate(dir, write(dir, bin.resolve("java"), report, exit));
    }

    /** JAVA_HOME for a {@link #java} fake. */
    Path javaHome() {
        return program.getParent().getParent();
    }

    private static Path write(Path dir, Path program, Path report, int exit) throws IOException {
        StringBuilder script = new StringBuilder("#!/bin/sh\n")
                .append("if [ \"${1#-XX:}\" != \"$1\" ]; then while [ \"$1\" != -jar ]; do shift; done; shift 2; fi\n")
                .append("n=$(ls -d '").append(dir).append("'/call-* 2>/dev/null | wc -l)\n")
                .append("d='").append(dir).append("'/call-$n\nmkdir \"$d\"\nprintf '%s\\n' \"$@\" >\"$d/args\"\n");
        for (String variable : RECORDED) {
            script.append("printf '%s' \"${").append(variable).append("-<unset>}\" >\"$d/").append(variable)
                    .append("\"\n");
        }
        script.append("if [ \"$1\" = publish ]; then\n")
                .append("  [ -n \"$GITHUB_EVENT_PATH\" ] && cp \"$GITHUB_EVENT_PATH\" \"$d/event.json\"\n")
                .append("  echo 'profgate: GitHub: comment created' >&2\n  exit 0\nfi\n")
                .append("out=; prev=\nfor a in \"$@\"; do [ \"$prev\" = --out ] && out=$a; prev=$a; done\n");
        if (report != null) {
            script.append("[ -n \"$out\" ] && mkdir -p \"$out\" && cp -R '").append(report).append("'/. \"$out\"/\n");
        }
        script.append("echo 'profgate: fake run' >&2\nexit ").append(exit).append('\n');
        Files.writeString(program, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }

    /** The recorded invocations, in order. */
    List<Invocation> invocations() throws IOException {
        List<Invocation> all = new ArrayList<>();
        for (int i = 0; Files.isDirectory(dir.resolve("call-" + i)); i++) {
            all.add(new Invocation(dir.resolve("call-" + i)));
        }
        return all;
    }

    /** One run of the fake: its arguments and recorded environment. */
    record Invocation(Path dir) {
        List<String> args() throws IOException {
            try (Stream<String> lines = Files.lines(dir.resolve("args"))) {
                return lines.toList();
            }
        }

        String env(String variable) throws IOException {
            return Files.readString(dir.resolve(variable));
        }

        String event() throws IOException {
            return Files.readString(dir.resolve("event.json"));
        }
    }
}
