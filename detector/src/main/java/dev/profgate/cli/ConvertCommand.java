package dev.profgate.cli;

import dev.profgate.format.PprofExport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code profgate convert IN OUT.pb.gz}: any readable profile to gzipped pprof with only stacks, values, timestamps. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a profile (JFR, pprof or collapsed stacks) to gzipped pprof.",
                "Only sample types, stacks, values and sample timestamps are kept: a JFR recording's environment variables, "
                        + "system properties and JVM arguments are dropped, so the output is safe to store. The "
                        + "settings file's limits apply to the profile read."})
final class ConvertCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "IN", description = "The profile to convert (format detected from content).")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The gzipped pprof file to write (replaced if present).")
    private Path out;

    @Mixin
    private ConfigMixin config;

    @Override
    public Integer call() {
        PprofExport.convert(in, out, config.settings().limits());
        out().println("wrote " + out);
        out().flush();
        return EXIT_PASS;
    }
}
