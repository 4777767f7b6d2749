package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The shell completion script that the build writes beside the jar ({@code target/profgate_completion}, by
 * picocli's {@code AutoComplete} in the {@code process-classes} phase) offers every command and subcommand, and
 * completes them in bash.
 */
class CompletionScriptTest {
    private static final Path SCRIPT = Path.of("target", "profgate_completion");

    @Test
    void theBuildWroteAScriptNamingEverySubcommand() throws IOException {
        assertTrue(Files.isRegularFile(SCRIPT), "the build writes " + SCRIPT.toAbsolutePath());
        String script = Files.readString(SCRIPT);
        assertTrue(script.contains("complete -F _complete_profgate "), "registers itself for profgate");
        for (CommandLine command : withSubcommands(Main.getCommandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())))) {
            String names = String.join(" ", command.getSubcommands().keySet());
            assertTrue(script.contains("local commands=\"" + names + "\""), command.getCommandName() + ": " + names);
        }
    }

    @Test
    void bashCompletesACommandAndAnOption() throws Exception {
        assertEquals("compare", complete("profgate", "com"));
        assertEquals("--format", complete("profgate", "compare", "--form"));
        assertEquals("save", complete("profgate", "baseline", "sa"));
    }

    /** What bash, with the script sourced, offers for the last of {@code words}. */
    private static String complete(String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        Process bash = new ProcessBuilder("bash", "-c", "source \"$0\" 2>/dev/null; COMP_WORDS=($1); COMP_LINE=\"$1\"; "
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}; _complete_profgate 2>/dev/null; "
                + "echo \"${COMPREPLY[*]}\"", SCRIPT.toString(), line).redirectErrorStream(true).start();
        String offered = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, bash.waitFor(), offered);
        return offered;
    }

    private static List<CommandLine> withSubcommands(CommandLine command) {
        if (command.getSubcommands().isEmpty()) {
            return List.of();
        }
        return Stream.concat(Stream.of(command), command.getSubcommands().values().stream()
                .flatMap(sub -> withSubcommands(sub).stream())).toList();
    }
}
