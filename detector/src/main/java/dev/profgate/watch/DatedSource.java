package dev.profgate.watch;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
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
 * store {@code store} (each baseline at its manifest's date). The files are only found here; {@link StepReader} reads
 * them service by service.
 */
public record DatedSource(Path profiles, Path store) implements WatchSource {
    /** One dated file: its service and step. */
    private record DatedFile(String service, int step, Path file) {
    }

    @Override
    public List<ServiceSteps> read(StepGrid grid, Limits limits, Progress progress, Path scratch) {
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
        Map<String, List<List<Path>>> found = new TreeMap<>();
        for (DatedFile f : files) {
            found.computeIfAbsent(f.service(), s -> emptySteps(grid.count())).get(f.step()).add(f.file());
        }
        if (found.isEmpty()) {
            throw new BadInputException(describe(), "no profiles from " + grid.from() + " to "
                    + grid.start(grid.count()));
        }
        return found.entrySet().stream().map(e -> new ServiceSteps(e.getKey(), e.getValue())).toList();
    }

    @Override
    public String describe() {
        return profiles != null ? "folder " + profiles : "baseline store " + store;
    }

    private static List<List<Path>> emptySteps(int count) {
        List<List<Path>> steps = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            steps.add(new ArrayList<>(1));
        }
        return steps;
    }
}
