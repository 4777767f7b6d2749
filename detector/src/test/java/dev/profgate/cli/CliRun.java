package dev.profgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of the {@code profgate} command line in-process: exit code, standard output and error. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.getCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
