package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** Turns a user error or a usage error into one line on stderr and exit code 2, never a stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof BadInputException) {
            cmd.getErr().println("profgate: error: " + e.getMessage());
        } else {
            cmd.getErr().println("profgate: internal error: " + e);
        }
        cmd.getErr().flush();
        return BaseCommand.EXIT_BAD_INPUT;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("profgate: usage: " + e.getMessage().replace('\n', ' ') + " (see "
                + cmd.getCommandSpec().qualifiedName() + " --help)");
        cmd.getErr().flush();
        return BaseCommand.EXIT_BAD_INPUT;
    }
}
