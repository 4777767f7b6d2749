package dev.profgate.source.remote;

import dev.profgate.model.Profile;
import dev.profgate.net.Network;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * A service seen by a continuous profiler around a deploy: one scrape a minute of the Go payments handler, thinned
 * from the fixtures, version 1 before {@link #DEPLOYED_AT} and version 2 (regexp compiled per call) or 1 again after.
 */
public final class Deploys {
    public static final String CPU = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";
    public static final String SERVICE = "payments-api";
    public static final String SELECTOR = "{service_name=\"payments-api\"}";
    public static final Instant DEPLOYED_AT = Instant.parse("2024-05-01T10:00:00Z");
    public static final long MINUTE = 60_000;
    static final double KEPT = 0.25;

    private Deploys() {
    }

    /** Scrapes of {@code service} every minute in [from, to) minutes around the deploy, of {@code fixture}. */
    public static void scrape(ProfileStore store, Map<String, String> labels, String fixture, int fromMinute, int toMinute,
                       long seed) {
        scrape(store, CPU, labels, fixture, fromMinute, toMinute, seed);
    }

    /** The same with profile type {@code type}. */
    public static void scrape(ProfileStore store, String type, Map<String, String> labels, String fixture, int fromMinute,
                       int toMinute, long seed) {
        Profile profile = RecordedProfiles.fixture(fixture);
        Random random = new Random(seed);
        for (int minute = fromMinute; minute < toMinute; minute++) {
            store.add(labels, type, DEPLOYED_AT.toEpochMilli() + minute * MINUTE + 5_000,
                    RecordedProfiles.thin(profile, KEPT, random));
        }
    }

    /** Version 1 for the 40 minutes before the deploy, {@code after} for the 40 minutes from it. */
    public static void around(ProfileStore store, String after) {
        scrape(store, Map.of("service_name", SERVICE, "namespace", "prod", "pod", "payments-api-7d9f"),
                RecordedProfiles.V1, -40, 0, 1);
        scrape(store, Map.of("service_name", SERVICE, "namespace", "prod", "pod", "payments-api-8c2a"),
                after, 0, 40, 2);
        scrape(store, Map.of("service_name", "ledger", "namespace", "prod", "pod", "ledger-1"),
                RecordedProfiles.V1, -40, 40, 3);
    }

    public static Endpoint endpoint(URI uri, Credentials credentials, String tenant) {
        return new Endpoint(uri, credentials, tenant, Duration.ofSeconds(5), Duration.ofSeconds(20), 3,
                Duration.ofMillis(1), Network.of(Map.of()));
    }

    public static TimeRange minutes(int from, int to) {
        return new TimeRange(DEPLOYED_AT.toEpochMilli() + from * MINUTE, DEPLOYED_AT.toEpochMilli() + to * MINUTE);
    }
}
