package dev.profgate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code profgate} run as a real process (this JVM's {@code java} and test class path), its output sent to files. */
final class ProfgateProcess {
    private ProfgateProcess() {
    }

    /** The command line of {@code profgate args}: this JVM's {@code java} on the test class path. */
    static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** Starts {@code profgate args} with {@code environment} added, standard output and error going to the files. */
    static Process start(Map<String, String> environment, Path stdout, Path stderr, List<String> args)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
