package dev.profgate.cli;

import dev.profgate.compare.Analysed;
import dev.profgate.compare.CompareRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code profgate compare --base A... --head B...}: the statistically tested per-function diff and its verdict. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare base and head profiles (each file one replicate) and gate on the verdict. "
                + "Exit codes: 0 pass, 1 regression, 2 bad input or usage.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--base", arity = "1..*", required = true, paramLabel = "PATH",
            description = "Base profiles: files, directories or globs (pprof, JFR, collapsed), or baseline:NAME.")
    private List<String> base;

    @Option(names = "--head", arity = "1..*", required = true, paramLabel = "PATH",
            description = "Head profiles: files, directories or globs, or baseline:NAME.")
    private List<String> head;

    @Mixin
    private StoreOption store;

    @Option(names = "--type", paramLabel = "T",
            description = "Sample type to compare (default: profgate.yml's type, else the profiles' default).")
    private String type;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file (default: ./profgate.yml if it exists, else built-in defaults).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Write every report here: report.txt, report.md, "
            + "report.json, junit.xml, report.sarif, flamegraph.html, flamegraph.svg.")
    private Path out;

    @Option(names = "--gate", paramLabel = "NAME",
            description = "Gate name in the PR comment marker (default: the profile type).")
    private String gate;

    @Mixin
    private ReportDelivery delivery;

    @Mixin
    private AttributionOptions attribution;

    @Override
    public Integer call() {
        delivery.requireFolder(spec, out);
        Analysed analysed = new CompareRun(base, head, type, CompareRun.configOrDefault(config), out, gate,
                store.root).analyse();
        int exit = delivery.deliver(spec, analysed.report(), out);
        if (attribution.attribute) {
            attribution.run(analysed, out, delivery.github.asked, spec.commandLine().getErr());
        }
        return exit;
    }
}
