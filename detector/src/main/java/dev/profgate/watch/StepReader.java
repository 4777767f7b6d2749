package dev.profgate.watch;

import dev.profgate.analysis.WeeklyTrends;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.base.Workers;
import dev.profgate.config.Redaction;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.model.StackSamples;
import dev.profgate.source.weekly.DatedFiles;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One service's week, read in two passes so that it is never in memory at once: first every file once as samples
 * without a call tree ({@link ProfileFormat#readSamples}), reduced to per-function counts step by step
 * ({@link WeeklyTrends}) and dropped; then, for each comparison, the files of the steps it pools read again into one
 * {@link Profile}.
 */
final class StepReader {
    private final ServiceSteps steps;
    private final Limits limits;
    private final Redaction redaction;
    private final WeeklyTrends trends;
    private String type;
    private String typeSource;
    private int next;

    private StepReader(ServiceSteps steps, Limits limits, Redaction redaction) {
        this.steps = steps;
        this.limits = limits;
        this.redaction = redaction;
        this.trends = new WeeklyTrends(steps.files().size());
    }

    /**
     * Counts the files of {@code steps} (samples of {@code type}, null: each file's default, which must be the same
     * in all), {@link DatedFiles#READERS} at a time, each counted as soon as it is read and in step order, so the
     * result does not depend on which reader finished first.
     */
    static StepReader read(ServiceSteps steps, String type, Limits limits, Redaction redaction) {
        StepReader reader = new StepReader(steps, limits, redaction);
        List<Integer> order = IntStream.range(0, steps.files().size()).boxed().toList();
        Workers.forEach(order, DatedFiles.READERS, s -> reader.countInTurn(s, reader.samples(s, type)));
        return reader;
    }

    private List<StackSamples> samples(int step, String requested) {
        return steps.files().get(step).stream()
                .map(file -> redaction.apply(ProfileFormat.readSamples(file, requested, limits))).toList();
    }

    private synchronized void countInTurn(int step, List<StackSamples> read) {
        while (next != step) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading step " + step, e);
            }
        }
        for (StackSamples samples : read) {
            checkType(samples);
            trends.add(step, samples);
        }
        next++;
        notifyAll();
    }

    private void checkType(StackSamples samples) {
        if (type == null) {
            type = samples.type();
            typeSource = samples.source();
        } else if (!type.equals(samples.type())) {
            throw new BadInputException(samples.source(), "its samples are of type '" + samples.type() + "' but "
                    + typeSource + "'s are '" + type + "'; give --type");
        }
    }

    /** The sample type read (null when no file was). */
    String type() {
        return type;
    }

    /** The per-function counts of every step. */
    WeeklyTrends trends() {
        return trends;
    }

    /**
     * The samples of {@code pooled} steps read again into one profile named {@code source}: one column of sample
     * counts of {@link #type}.
     */
    Profile profile(String source, int[] pooled) {
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(1);
        for (int step : pooled) {
            for (StackSamples samples : samples(step, type)) {
                int[] frame = frames.internAll(samples.frames());
                for (int sample = 0; sample < samples.size(); sample++) {
                    int node = CallTree.ROOT;
                    for (int p = samples.stackEnd(sample) - 1; p >= samples.stackStart(sample); p--) {
                        node = tree.child(node, frame[samples.frame(p)]);
                    }
                    tree.addSelf(node, 0, samples.count(sample));
                }
            }
        }
        ProfileHeader header = new ProfileHeader(List.of(new SampleType(type, "count")), 0, null, 0, 0, 0);
        return new Profile(source, header, frames, tree, null);
    }
}
