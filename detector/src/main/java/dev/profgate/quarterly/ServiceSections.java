package dev.profgate.quarterly;

import dev.profgate.config.Redaction;
import dev.profgate.model.StackSamples;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.source.weekly.WeeklySource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receives a source's profiles (from several threads, one service's from one) into each service's {@link ServiceWeeks}
 * and turns a service into its report section as soon as the source says it is complete, so that only the services
 * still being read keep their weekly counts.
 */
final class ServiceSections implements WeeklySource.Sink {
    private final int weeks;
    private final RuleCatalog catalog;
    private final Redaction redaction;
    private final ServiceSection sections;
    private final Map<String, ServiceWeeks> open = new HashMap<>();
    private final Map<String, QuarterlyData.Service> built = new TreeMap<>();

    /** {@code weeks}: this quarter's; a profile's week below it is the previous quarter's. */
    ServiceSections(int weeks, RuleCatalog catalog, Redaction redaction, ServiceSection sections) {
        this.weeks = weeks;
        this.catalog = catalog;
        this.redaction = redaction;
        this.sections = sections;
    }

    @Override
    public void accept(String service, int week, StackSamples samples) {
        ServiceWeeks weeksOf;
        synchronized (this) {
            weeksOf = open.computeIfAbsent(service, s -> new ServiceWeeks(weeks, catalog));
        }
        synchronized (weeksOf) {
            if (week < weeks) {
                weeksOf.addPrevious(week, redaction.apply(samples));
            } else {
                weeksOf.add(week - weeks, redaction.apply(samples));
            }
        }
    }

    @Override
    public void serviceDone(String service) {
        ServiceWeeks weeksOf;
        synchronized (this) {
            weeksOf = open.remove(service);
        }
        if (weeksOf != null && weeksOf.trends.samples() > 0) {
            QuarterlyData.Service section = sections.build(service, weeksOf);
            synchronized (this) {
                built.put(service, section);
            }
        }
    }

    /** The sections of the services with samples this quarter, by name, after completing those still open. */
    synchronized List<QuarterlyData.Service> all() {
        new ArrayList<>(open.keySet()).forEach(this::serviceDone);
        return List.copyOf(built.values());
    }
}
