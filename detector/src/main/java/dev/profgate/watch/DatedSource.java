package dev.profgate.watch;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import dev.profgate.base.Workers;
import dev.profgate.config.Redaction;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileMerge;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.weekly.BaselineWeeks;
import dev.profgate.source.weekly.DatedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A watch run's profiles from files: a folder of dated profiles ({@code profiles}, as quarterly reads it: the
 * date and time in each file's name place it in a step, subfolders are services), or else the history of the baseline
 * store {@code store} (each baseline at its manifest's date). Profiles of one step are merged into one; names are
 * redacted as they are read, {@link DatedFiles#READERS} files at a time (the files of one service too: a week of one
 * service is 168 of them). The profiles are kept in memory.
 */
public record DatedSource(Path profiles, Path store) implements WatchSource {
    /** One dated file: its service and step. */
    private record DatedFile(String service, int step, Path file) {
    }

    @Override
    public List<ServiceSteps> read(StepGrid grid, Limits limits, Redaction redaction, Progress progress) {
        List<DatedFile> files = new ArrayList<>();
        DatedFiles.Sink sink = (service, step, file) -> {
            synchronized (files) {
                files.add(new DatedFile(service, step, file));
            }
        };
        if (profiles != null) {
            DatedFiles.walk(profiles, grid.ranges(), sink);
        } else {
            new BaselineWeeks(new BaselineStore(store, limits)).files(grid.ranges(), sink);
        }
        files.sort(Comparator.comparing(DatedFile::service).thenComparingInt(DatedFile::step)
                .thenComparing(DatedFile::file));
        List<Profile> profilesRead = Workers.map(files, DatedFiles.READERS,
                f -> redaction.apply(List.of(ProfileFormat.read(f.file(), limits))).get(0));
        Map<String, List<List<Profile>>> read = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            DatedFile f = files.get(i);
            read.computeIfAbsent(f.service(), s -> emptySteps(grid.count())).get(f.step()).add(profilesRead.get(i));
        }
        if (read.isEmpty()) {
            throw new BadInputException(describe(), "no profiles from " + grid.from() + " to "
                    + grid.start(grid.count()));
        }
        return read.entrySet().stream().map(e -> merged(e.getKey(), e.getValue())).toList();
    }

    @Override
    public String describe() {
        return profiles != null ? "folder " + profiles : "baseline store " + store;
    }

    private static List<List<Profile>> emptySteps(int count) {
        List<List<Profile>> steps = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            steps.add(new ArrayList<>(1));
        }
        return steps;
    }

    private static ServiceSteps merged(String service, List<List<Profile>> steps) {
        Profile[] merged = new Profile[steps.size()];
        for (int s = 0; s < merged.length; s++) {
            List<Profile> parts = steps.get(s);
            merged[s] = parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0)
                    : ProfileMerge.merge(service + " step " + (s + 1), parts);
        }
        return new ServiceSteps(service, merged);
    }
}
