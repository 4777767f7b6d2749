package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * An unknown option is an error wherever it stands, in every command, even after an option that takes several
 * values; a mistyped command or option is answered with what it was likely meant as. Each is one line on standard
 * error and exit code 2.
 */
class UnknownArgumentTest {
    private static final String V1 = CompareCommandTest.V1;

    @Test
    void anUnknownOptionAfterAMultiValueOptionIsNotTakenForAPath() {
        assertUsage(CliRun.of("compare", "--head", V1, "--formt", "json"),
                "profgate: usage: unknown option '--formt'; did you mean --format? (see profgate compare --help)");
        assertUsage(CliRun.of("compare", "--base", V1, "--head", V1, "--formt=json"),
                "profgate: usage: unknown option '--formt=json'; did you mean --format? (see profgate compare --help)");
    }

    @Test
    void aMistypedOptionIsNamedBeforeTheRequiredOptionsItLeavesOut() {
        assertUsage(CliRun.of("compare", "--bse", V1, "--head", V1),
                "profgate: usage: unknown option '--bse'; did you mean --base? (see profgate compare --help)");
    }

    @Test
    void everyCommandRefusesAnUnknownOption() {
        for (CommandLine command : leaves(Main.getCommandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())))) {
            List<String> args = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
            args.remove(0);
            args.addAll(List.of("--no-such-option", "x"));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertUsage(run, "profgate: usage: unknown option '--no-such-option' (see "
                    + command.getCommandSpec().qualifiedName() + " --help)");
        }
    }

    @Test
    void mistypedCommandsGetWhatTheyWereLikelyMeantAs() {
        assertUsage(CliRun.of("comprae", "--base", V1),
                "profgate: usage: unknown command 'comprae'; did you mean compare? (see profgate --help)");
        assertUsage(CliRun.of("deploy", "--url", "http://127.0.0.1:1"),
                "profgate: usage: unknown command 'deploy'; did you mean deploy-check? (see profgate --help)");
        assertUsage(CliRun.of("baseline", "sve"),
                "profgate: usage: unknown command 'sve'; did you mean save? (see profgate baseline --help)");
        assertUsage(CliRun.of("frobnicate"), "profgate: usage: unknown command 'frobnicate' (see profgate --help)");
    }

    @Test
    void mistypedOptionsGetTheNearestNames() {
        assertUsage(CliRun.of("compare", "--base", V1, "--head", V1, "--fail-no", "warn"),
                "profgate: usage: unknown option '--fail-no'; did you mean --fail-on? (see profgate compare --help)");
        assertUsage(CliRun.of("bench", "--forsk", "3"),
                "profgate: usage: unknown option '--forsk'; did you mean --forks? (see profgate bench --help)");
        assertUsage(CliRun.of("top", "-x", V1), "profgate: usage: unknown option '-x' (see profgate top --help)");
    }

    @Test
    void suggestionsArePrefixesOrOneOrTwoEditsAway() {
        List<String> names = List.of("--forks", "--forks-dir", "--format", "--base");
        assertEquals(List.of("--base"), Suggestions.of("--bsae", names));
        assertEquals(List.of("--forks", "--forks-dir"), Suggestions.of("--fork", names));
        assertEquals(List.of("--format"), Suggestions.of("--FORMAT=json", names));
        assertEquals(List.of(), Suggestions.of("--xyz", names));
        assertEquals(List.of(), Suggestions.of("-f", names));
    }

    @Test
    void jvmArgumentsMayBeginWithADash() {
        for (String[] args : List.of(new String[] {"bench", "--jvm-args", "-Xmx64m -Dx=1"},
                new String[] {"bench", "--jvm-args=-Xmx64m -Dx=1"})) {
            CommandLine cli = Main.getCommandLine(new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()));
            cli.parseArgs(args);
            assertEquals("-Xmx64m -Dx=1", cli.getSubcommands().get("bench").getCommandSpec().findOption("--jvm-args")
                    .getValue());
        }
        assertUsage(CliRun.of("bisect", "--jvm-args"), "profgate: usage: Missing required parameter for option "
                + "'--jvm-args' (ARGS) (see profgate bisect --help)");
    }

    private static List<CommandLine> leaves(CommandLine command) {
        if (command.getSubcommands().isEmpty()) {
            return List.of(command);
        }
        return command.getSubcommands().values().stream().flatMap(sub -> leaves(sub).stream()).toList();
    }

    private static void assertUsage(CliRun run, String line) {
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit(), run.err());
        assertEquals(List.of(line), run.errLines());
        assertEquals("", run.out());
    }
}
