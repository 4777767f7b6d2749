package dev.profgate.rules;

import java.util.Comparator;

/** Where a rule's expensive frame is called from: the frame, the application caller and the caller's file and line. */
record Site(String frame, String caller, String file, int line) implements Comparable<Site> {
    private static final Comparator<Site> ORDER = Comparator.comparing(Site::frame).thenComparing(Site::caller)
            .thenComparing(Site::file).thenComparingInt(Site::line);

    @Override
    public int compareTo(Site other) {
        return ORDER.compare(this, other);
    }
}
