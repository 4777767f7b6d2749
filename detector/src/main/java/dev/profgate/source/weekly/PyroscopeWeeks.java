package dev.profgate.source.weekly;

import dev.profgate.model.Profile;
import dev.profgate.model.StackSamples;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.ProfileBackend;
import dev.profgate.source.remote.TimeRange;
import java.util.List;

/**
 * A profiling server: one merged query per week and service ({@code {service_name="S"}}), so the server does the
 * aggregation and the report's cost grows with weeks and services, not with raw samples. Weeks without samples are
 * skipped.
 */
public record PyroscopeWeeks(ProfileBackend backend, String type, List<String> services) implements WeeklySource {
    public PyroscopeWeeks {
        services = List.copyOf(services);
    }

    @Override
    public void read(List<TimeRange> weeks, String sampleType, Sink sink) {
        String typeId = backend.profileType(type, weeks.get(0).through(weeks.get(weeks.size() - 1)));
        for (String service : services) {
            LabelSelector selector = LabelSelector.parse("{service_name=\"" + service.replace("\"", "\\\"") + "\"}",
                    "--service");
            for (int w = 0; w < weeks.size(); w++) {
                Profile profile = backend.fetch(typeId, selector, weeks.get(w), service + " week " + (w + 1));
                if (!profile.isEmpty()) {
                    sink.accept(service, w, StackSamples.of(profile, sampleType));
                }
            }
            sink.serviceDone(service);
        }
    }

    @Override
    public String describe() {
        return backend.server();
    }
}
