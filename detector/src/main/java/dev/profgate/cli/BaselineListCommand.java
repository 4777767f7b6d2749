package dev.profgate.cli;

import dev.profgate.source.BaselineManifest;
import dev.profgate.source.BaselineStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code profgate baseline list}: one line per baseline (name, service, commit, date, types, replicates). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the baselines: name, service, commit, date (UTC), profile types, replicates.")
final class BaselineListCommand extends BaseCommand {
    private static final String[] HEADER = {"NAME", "SERVICE", "COMMIT", "DATE", "TYPES", "REPLICATES"};
    private static final int SHORT_COMMIT = 12;

    @Mixin
    private StoreMixin store;

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<BaselineStore.Listing> listings = store.store().list();
        if (listings.isEmpty()) {
            out.println("no baselines in " + store.root);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        listings.stream().filter(l -> l.manifest() != null).forEach(l -> rows.add(row(l.name(), l.manifest())));
        if (rows.size() > 1) {
            Table.print(out, rows);
        }
        listings.stream().filter(l -> l.manifest() == null).forEach(l -> out.println("unreadable: " + l.problem()));
        out.flush();
        return EXIT_PASS;
    }

    private static String[] row(String name, BaselineManifest m) {
        String commit = orDash(m.commit());
        return new String[] {name, orDash(m.service()),
                commit.substring(0, Math.min(SHORT_COMMIT, commit.length())), m.date().toString(), types(m),
                Integer.toString(m.profiles().size())};
    }

    /** The profile type names without units, e.g. {@code samples,cpu}. */
    static String types(BaselineManifest manifest) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        manifest.profileTypes().forEach(t -> names.add(t.contains("/") ? t.substring(0, t.indexOf('/')) : t));
        return String.join(",", names);
    }

    static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
