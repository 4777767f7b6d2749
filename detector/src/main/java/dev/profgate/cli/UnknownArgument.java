package dev.profgate.cli;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * An argument that {@code command} does not know: an option, a subcommand, or a value too many; said with the names
 * it was likely meant as ({@link Suggestions}). It is named even when picocli reports another error first (a required
 * option missing because it was mistyped), and when a multi-value option met it (picocli then names it only in its
 * message).
 */
record UnknownArgument(String argument, CommandSpec command) {
    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown option: '(.*?)'");

    /** The unknown argument behind {@code e}, if one is. */
    static Optional<UnknownArgument> of(ParameterException e) {
        CommandSpec command = e.getCommandLine().getCommandSpec();
        ParseResult parsed = e.getCommandLine().getParseResult();
        if (parsed != null && !parsed.unmatched().isEmpty()) {
            return Optional.of(new UnknownArgument(parsed.unmatched().get(0), command));
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return Optional.of(new UnknownArgument(unmatched.getUnmatched().get(0), command));
        }
        Matcher option = UNKNOWN_OPTION.matcher(e.getMessage());
        return option.lookingAt() ? Optional.of(new UnknownArgument(option.group(1), command)) : Optional.empty();
    }

    /** One line: what the argument is taken for, and what it may have been meant as. */
    String message() {
        if (argument.startsWith("-") && argument.length() > 1) {
            return "unknown option '" + argument + "'" + didYouMean(command.options().stream()
                    .filter(o -> !o.hidden()).flatMap(o -> List.of(o.names()).stream()).toList());
        }
        if (!command.subcommands().isEmpty()) {
            return "unknown command '" + argument + "'" + didYouMean(command.subcommands().keySet());
        }
        return "unexpected argument '" + argument + "'";
    }

    private String didYouMean(Collection<String> names) {
        List<String> near = Suggestions.of(argument, names);
        if (near.isEmpty()) {
            return "";
        }
        String last = near.get(near.size() - 1);
        return "; did you mean " + (near.size() == 1 ? last
                : String.join(", ", near.subList(0, near.size() - 1)) + " or " + last) + "?";
    }
}
