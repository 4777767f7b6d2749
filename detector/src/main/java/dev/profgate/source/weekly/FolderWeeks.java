package dev.profgate.source.weekly;

import dev.profgate.base.Limits;
import dev.profgate.format.ProfileFormat;
import dev.profgate.source.remote.TimeRange;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of timestamped profiles ({@link DatedFiles}: the date in each file's name places it in a week, subfolders
 * are services), each read within {@code limits} as soon as it is found, on at most {@link DatedFiles#READERS}
 * threads.
 */
public record FolderWeeks(Path root, Limits limits) implements WeeklySource {
    @Override
    public void read(List<TimeRange> weeks, String type, Sink sink) {
        DatedFiles.walk(root, weeks, new DatedFiles.Sink() {
            @Override
            public void accept(String service, int week, Path file) {
                sink.accept(service, week, ProfileFormat.readSamples(file, type, limits));
            }

            @Override
            public void serviceDone(String service) {
                sink.serviceDone(service);
            }
        });
    }

    @Override
    public String describe() {
        return "folder " + root;
    }
}
