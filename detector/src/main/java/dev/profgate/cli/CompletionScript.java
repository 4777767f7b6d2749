package dev.profgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/** Writes the bash and zsh completion script of the whole command line, every subcommand included (for the build). */
public final class CompletionScript {
    private CompletionScript() {
    }

    /** Writes the script to the file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        PrintWriter discard = new PrintWriter(PrintWriter.nullWriter());
        Files.writeString(Path.of(args[0]), AutoComplete.bash("profgate", Main.getCommandLine(discard, discard)));
    }
}
