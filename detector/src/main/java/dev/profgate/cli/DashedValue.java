package dev.profgate.cli;

import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes the next argument as the option's value even when it begins with a dash, for an option whose values are
 * options of another program ({@code --jvm-args -Xmx2g}); every other option's value that looks like an unknown
 * option is refused as one ({@link Main}).
 */
final class DashedValue implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
        if (args.isEmpty()) {
            throw new MissingParameterException(command.commandLine(), option, "Missing required parameter for "
                    + "option '" + ((OptionSpec) option).longestName() + "' (" + option.paramLabel() + ")");
        }
        option.setValue(args.pop());
    }
}
