package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import dev.profgate.source.Baseline;
import dev.profgate.source.BaselineStore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code profgate baseline verify [NAME...]}: checks every file of the baselines against their manifests. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check baselines against their manifest.json: every listed file present with its SHA-256, "
                + "no other file. Exit code 2 when one fails."})
final class BaselineVerifyCommand extends BaseCommand {
    @Mixin
    private StoreMixin store;

    @Mixin
    private ConfigMixin config;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Baselines to verify (default: all).")
    private List<String> names;

    @Override
    public Integer call() {
        BaselineStore baselines = store.store(config.settings().limits());
        List<String> selected = names == null ? baselines.names() : names;
        PrintWriter out = out();
        PrintWriter err = err();
        if (selected.isEmpty()) {
            out.println("no baselines in " + store.root);
        }
        int failed = 0;
        for (String name : selected) {
            try {
                Baseline baseline = baselines.open(name);
                out.println("ok  " + name + " (" + baseline.manifest().files().size() + " files match manifest.json)");
            } catch (BadInputException e) {
                err.println("profgate: error: " + e.getMessage());
                failed++;
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? EXIT_PASS : EXIT_BAD_INPUT;
    }
}
