package dev.profgate.cli;

import dev.profgate.compare.CompareResult;
import dev.profgate.compare.CompareRun;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code profgate compare --base A... --head B...}: the statistically tested per-function diff and its verdict. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare base and head profiles (each file one replicate) and gate on the verdict. --out gets "
                + "report.txt, report.md, report.json, junit.xml, report.sarif, flamegraph.html and flamegraph.svg. "
                + "Exit codes: 0 pass, 1 regression, 2 bad input or usage.")
final class CompareCommand extends BaseCommand {
    @Option(names = "--base", arity = "1..*", required = true, paramLabel = "PATH",
            description = "Base profiles: files, directories or globs (pprof, JFR, collapsed), or baseline:NAME.")
    private List<String> base;

    @Option(names = "--head", arity = "1..*", required = true, paramLabel = "PATH",
            description = "Head profiles: files, directories or globs, or baseline:NAME.")
    private List<String> head;

    @Mixin
    private StoreMixin store;

    @Mixin
    private TypeMixin type;

    @Mixin
    private ConfigMixin config;

    @Mixin
    private ReportDeliveryMixin delivery;

    @Mixin
    private AttributionMixin attribution;

    @Override
    public Integer call() {
        delivery.requireFolder();
        CompareResult compared = new CompareRun(base, head, type.name, config.settings(), delivery.folder(),
                delivery.gate, store.root).compare();
        return attribution.deliver(compared, delivery, err());
    }
}
