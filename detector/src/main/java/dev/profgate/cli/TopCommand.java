package dev.profgate.cli;

import dev.profgate.BadInputException;
import dev.profgate.format.PprofReader;
import dev.profgate.model.Profile;
import dev.profgate.report.TopFormat;
import dev.profgate.report.TopTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code profgate top FILE}: the per-function flat/cum table of one profile, like {@code go tool pprof -top}. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = "Print every function's flat (self) and cum (total) value, sorted as go tool pprof -top.")
final class TopCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A profile: pprof (.pb.gz or raw protobuf).")
    private Path file;

    @Option(names = "--type", paramLabel = "T",
            description = "Sample type: cpu, samples, alloc_space, inuse_objects, delay, ... or an index "
                    + "(default: the profile's default type).")
    private String type;

    @Option(names = "--format", paramLabel = "text|tsv|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private TopFormat format;

    @Option(names = "--nodecount", paramLabel = "N", defaultValue = "0",
            description = "Show only the first N functions (default: all).")
    private int nodeCount;

    @Override
    public Integer call() {
        if (nodeCount < 0) {
            throw new ParameterException(spec.commandLine(), "--nodecount must not be negative: " + nodeCount);
        }
        Profile profile = load(file);
        int column = profile.header().resolveType(type, profile.source());
        PrintWriter out = spec.commandLine().getOut();
        format.write(TopTable.of(profile, column, nodeCount), out);
        out.flush();
        return 0;
    }

    /** Opens and parses the profile file. */
    private static Profile load(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(source, "is a directory, not a profile");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return PprofReader.read(in, source);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, "no such file");
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read (" + e.getMessage() + ")");
        }
    }
}
