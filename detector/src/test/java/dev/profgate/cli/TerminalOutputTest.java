package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's text report as a terminal shows it, from a real {@code profgate} process: within {@code COLUMNS}
 * columns (a URL longer than a line stands alone on its line, uncut, so it stays one link), without escape codes when standard output is not a terminal, and coloured on a terminal (a
 * pseudo-terminal from util-linux {@code script}) unless {@code NO_COLOR} or {@code --no-color} says otherwise.
 */
class TerminalOutputTest {
    private static final List<String> DEMO = List.of("compare", "--base", "../baselines/demo/base", "--head",
            "../baselines/demo/head");
    private static final String ESCAPE = "\u001b[";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void linesFitColumnsAndCarryNoEscapesWhenNotATerminal(int columns) throws Exception {
        String out = run(Map.of("COLUMNS", Integer.toString(columns)), DEMO);
        List<String> tooLong = out.lines().filter(l -> l.codePointCount(0, l.length()) > columns)
                .filter(l -> !l.strip().matches("https?://\\S+")).toList();
        assertEquals(List.of(), tooLong, out);
        assertFalse(out.contains(ESCAPE), out);
        assertTrue(out.contains("Pattern.compile") || out.contains("Pattern…"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour", "NO_COLOR", "--no-color"})
    void colourOnlyOnATerminalAndOnlyWhenNotTurnedOff(String setting) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script not installed");
        List<String> args = new ArrayList<>(DEMO);
        if (setting.equals("--no-color")) {
            args.add(setting);
        }
        String command = ProfgateProcess.command(args).stream().map(TerminalOutputTest::quoted).collect(Collectors.joining(" "));
        String out = run(setting.equals("NO_COLOR") ? Map.of("NO_COLOR", "1", "COLUMNS", "100")
                : Map.of("COLUMNS", "100"), List.of("/usr/bin/script", "-qec", command, "/dev/null"), true);
        assertTrue(out.contains("FAIL"), out);
        assertEquals(setting.equals("colour"), out.contains(ESCAPE + "1;31mFAIL"), out);
    }

    private String run(Map<String, String> env, List<String> args) throws Exception {
        return run(env, ProfgateProcess.command(args), false);
    }

    private String run(Map<String, String> env, List<String> command, boolean terminal) throws Exception {
        Path stdout = tmp.resolve("out-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "profgate did not finish");
        assertEquals(1, process.exitValue(), "the demo fails the gate" + (terminal ? " (through script)" : ""));
        return Files.readString(stdout, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
