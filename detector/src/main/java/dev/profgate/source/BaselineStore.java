package dev.profgate.source;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Names;
import dev.profgate.base.Folders;
import dev.profgate.base.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baseline store: one folder per baseline under a root ({@code ./baselines} by default), each holding
 * {@code manifest.json}, {@code profiles/} and, for JMH runs, {@code jmh/}. Folders without a manifest (such as the
 * demo profiles) are not baselines and are never touched. A baseline is verified against its manifest whenever it
 * is opened, so a changed, missing or extra file is refused before it is compared. Manifests, and the profiles and
 * JMH results saved into it, are read within the store's {@link Limits}.
 */
public final class BaselineStore {
    /** The store used when none is named, relative to the working directory. */
    public static final Path DEFAULT_ROOT = Path.of("baselines");
    /** How a baseline is named as a comparison input: {@code baseline:NAME}. */
    public static final String SPEC_PREFIX = "baseline:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Path root;
    private final Clock clock;
    private final Limits limits;

    /** A store read within the default {@link Limits}. */
    public BaselineStore(Path root) {
        this(root, Limits.defaults());
    }

    /** A store read within {@code limits}. */
    public BaselineStore(Path root, Limits limits) {
        this(root, Clock.systemUTC(), limits);
    }

    /** A store whose save dates and prune cut-off come from {@code clock}, read within {@code limits}. */
    public BaselineStore(Path root, Clock clock, Limits limits) {
        this.root = root;
        this.clock = clock;
        this.limits = limits;
    }

    public Path root() {
        return root;
    }

    /** The limits the store's files are read within. */
    public Limits limits() {
        return limits;
    }

    /**
     * Saves the profiles and JMH result files of {@code from} as baseline {@code name}, dated now; {@code service}
     * and {@code commit} may be null. An existing baseline of that name is replaced only when {@code replace}.
     */
    public Baseline save(String name, Path from, String service, String commit, boolean replace) {
        Path dir = root.resolve(checkName(name));
        if (service != null && (service.isBlank() || service.codePoints().anyMatch(Character::isISOControl))) {
            throw new BadInputException("service '" + service.strip() + "'", "must be printable text");
        }
        if (commit != null && !GitCommit.isHash(commit)) {
            throw new BadInputException("commit " + Names.printable(commit), "not a commit hash (7 to 64 hex digits)");
        }
        if (Files.exists(dir) && !(replace && isBaseline(dir))) {
            throw new BadInputException(dir.toString(), isBaseline(dir)
                    ? "baseline exists; pass --replace to replace it" : "exists and is not a baseline");
        }
        BaselineWriter.save(dir, from, service, commit, clock.instant().truncatedTo(ChronoUnit.SECONDS), limits);
        return open(name);
    }

    /** The baseline {@code name}, verified against its manifest; a missing one is an error listing those there are. */
    public Baseline open(String name) {
        Path dir = root.resolve(checkName(name));
        if (!Files.isDirectory(dir)) {
            List<String> names = names();
            throw new BadInputException(SPEC_PREFIX + name, "no such baseline in " + root + "; available: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return new Baseline(name, dir, BaselineVerifier.verify(dir, dir.toString(), limits));
    }

    /** The names of the baselines in the store (folders with a manifest), sorted. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(BaselineStore::isBaseline).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(root.toString(), "cannot list the baseline store: " + e.getMessage(), e);
        }
    }

    /** Every baseline with its manifest (not verified), or the reason its manifest cannot be read. */
    public List<Listing> list() {
        List<Listing> listings = new ArrayList<>();
        for (String name : names()) {
            Path dir = root.resolve(name);
            try {
                listings.add(new Listing(name, ManifestJson.read(dir.resolve(BaselineManifest.FILE_NAME),
                        dir.toString(), limits), null));
            } catch (BadInputException e) {
                listings.add(new Listing(name, null, e.getMessage()));
            }
        }
        return listings;
    }

    /**
     * Deletes the baselines dated more than {@code keepDays} days ago, except the {@code keepLast} newest, which
     * are kept whatever their age. Baselines whose manifest cannot be read are never deleted. With {@code dryRun},
     * deletes nothing and returns what it would delete.
     */
    public PruneResult prune(int keepDays, int keepLast, boolean dryRun) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(keepDays));
        List<Listing> listings = list();
        List<Listing> newestFirst = listings.stream().filter(l -> l.manifest() != null)
                .sorted(Comparator.comparing((Listing l) -> l.manifest().date()).reversed()
                        .thenComparing(Listing::name))
                .toList();
        List<Listing> deleted = new ArrayList<>();
        for (int i = keepLast; i < newestFirst.size(); i++) {
            Listing listing = newestFirst.get(i);
            if (listing.manifest().date().isBefore(cutoff)) {
                if (!dryRun) {
                    delete(listing.name());
                }
                deleted.add(listing);
            }
        }
        return new PruneResult(deleted, listings.stream().filter(l -> l.manifest() == null).toList());
    }

    /** A baseline as listed: its manifest, or null and the {@code problem} that made it unreadable. */
    public record Listing(String name, BaselineManifest manifest, String problem) {
    }

    /** What a prune deleted (or would delete) and which baselines it skipped for an unreadable manifest. */
    public record PruneResult(List<Listing> deleted, List<Listing> unreadable) {
    }

    private void delete(String name) {
        try {
            Folders.remove(root.resolve(name));
        } catch (IOException e) {
            throw new BadInputException(root.resolve(name).toString(), "cannot delete: " + e.getMessage(), e);
        }
    }

    private static boolean isBaseline(Path dir) {
        return Files.isDirectory(dir) && !dir.getFileName().toString().startsWith(".")
                && Files.isRegularFile(dir.resolve(BaselineManifest.FILE_NAME));
    }

    private static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new BadInputException(SPEC_PREFIX + name.replaceAll("\\p{Cntrl}", "?"), "not a baseline name "
                    + "(letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters)");
        }
        return name;
    }
}
