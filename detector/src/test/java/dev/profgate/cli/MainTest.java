package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
    @Test
    void aRunOfOneSubcommandBuildsItAloneWithTheSameHelp() {
        Map<String, String> whole = usage(Main.getCommandLine(writer(), writer()));
        for (Map.Entry<String, Class<?>> command : Main.COMMANDS) {
            String name = command.getKey();
            assertEquals(command.getValue().getAnnotation(Command.class).name(), name);
            CommandLine alone = Main.getCommandLine(writer(), writer(), name);
            assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()));
            usage(alone).forEach((path, help) -> assertEquals(whole.get(path), help, path));
        }
    }

    @Test
    void anyOtherFirstArgumentGetsEverySubcommand() {
        for (String first : List.of("", "--help", "-V", "comprae", "@args.txt")) {
            assertEquals(Main.COMMANDS.size(), Main.getCommandLine(writer(), writer(), first).getSubcommands().size(),
                    first);
        }
    }

    /** The usage help of every subcommand, nested ones included, by its qualified name. */
    private static Map<String, String> usage(CommandLine root) {
        Map<String, String> help = new TreeMap<>();
        for (CommandLine command : root.getSubcommands().values()) {
            help.put(command.getCommandSpec().qualifiedName(), command.getUsageMessage(CommandLine.Help.Ansi.OFF));
            help.putAll(usage(command));
        }
        return help;
    }

    private static PrintWriter writer() {
        return new PrintWriter(new StringWriter());
    }
}
