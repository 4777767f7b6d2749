package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns a user error or a usage error into one line on stderr and exit code 2, never a stack trace; an unknown
 * option or command is named with what it was likely meant as ({@link UnknownArgument}).
 */
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
        String problem = UnknownArgument.of(e).map(UnknownArgument::message)
                .orElseGet(() -> e.getMessage().replace('\n', ' '));
        cmd.getErr().println("profgate: usage: " + problem + " (see " + cmd.getCommandSpec().qualifiedName()
                + " --help)");
        cmd.getErr().flush();
        return BaseCommand.EXIT_BAD_INPUT;
    }
}
