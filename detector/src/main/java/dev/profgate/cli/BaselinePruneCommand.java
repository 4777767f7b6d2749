package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import dev.profgate.source.BaselineStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code profgate baseline prune --keep-days N --keep-last K}: deletes old baselines, keeping the newest. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Delete the baselines dated more than N days ago, always keeping the K newest. Baselines "
                + "with an unreadable manifest and folders that are not baselines are never deleted."})
final class BaselinePruneCommand extends BaseCommand {
    @Mixin
    private StoreMixin store;

    @Option(names = "--keep-days", required = true, paramLabel = "N",
            description = "Keep baselines dated less than N days ago.")
    private int keepDays;

    @Option(names = "--keep-last", paramLabel = "K", defaultValue = "1",
            description = "Always keep the K newest baselines, however old (default: ${DEFAULT-VALUE}).")
    private int keepLast;

    @Option(names = "--dry-run", description = "Only print what would be deleted.")
    private boolean dryRun;

    @Override
    public Integer call() {
        if (keepDays < 0 || keepLast < 0) {
            throw new BadInputException(keepDays < 0 ? "--keep-days" : "--keep-last", "must be 0 or more");
        }
        BaselineStore.PruneResult result = store.store().prune(keepDays, keepLast, dryRun);
        PrintWriter out = out();
        String verb = dryRun ? "would delete " : "deleted ";
        result.deleted().forEach(l -> out.println(verb + l.name() + " (" + l.manifest().date() + ")"));
        result.unreadable().forEach(l -> out.println("skipped " + l.name() + " (unreadable manifest, never pruned)"));
        out.println(verb + result.deleted().size() + " baselines from " + store.root);
        out.flush();
        return EXIT_PASS;
    }
}
