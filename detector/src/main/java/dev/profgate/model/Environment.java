package dev.profgate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where one side was recorded: the JVM (vendor, name, version), the machine (OS, architecture, CPU count) and the
 * JMH options of each benchmark (option name to value, empty without JMH; only benchmarks on both sides are
 * compared).
 */
public record Environment(Jvm jvm, Machine machine, SortedMap<String, SortedMap<String, String>> jmhOptions) {
    public Environment {
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(machine, "machine");
        SortedMap<String, SortedMap<String, String>> copy = new TreeMap<>();
        jmhOptions.forEach((benchmark, options) -> copy.put(benchmark, new TreeMap<>(options)));
        jmhOptions = copy;
    }

    /** The JVM that ran the code: {@code vendor} may be null when the source did not say. */
    public record Jvm(String vendor, String name, String version) {
        @Override
        public String toString() {
            return (vendor == null ? "" : vendor + " ") + name + " " + version;
        }
    }

    /** The machine: operating system, CPU architecture and the CPUs available to the JVM. */
    public record Machine(String os, String arch, int cpus) {
    }

    /** How {@code head} differs from this (base) environment: JVM, CPU count, OS/architecture, JMH options. */
    public List<EnvironmentMismatch> mismatches(Environment head) {
        List<EnvironmentMismatch> mismatches = new ArrayList<>();
        if (jvmDiffers(jvm, head.jvm)) {
            mismatches.add(new EnvironmentMismatch("JVM", jvm.toString(), head.jvm.toString()));
        }
        if (machine.cpus() != head.machine.cpus()) {
            mismatches.add(new EnvironmentMismatch("CPU count", Integer.toString(machine.cpus()),
                    Integer.toString(head.machine.cpus())));
        }
        String platform = machine.os() + "/" + machine.arch();
        String headPlatform = head.machine.os() + "/" + head.machine.arch();
        if (!platform.equals(headPlatform)) {
            mismatches.add(new EnvironmentMismatch("OS/architecture", platform, headPlatform));
        }
        jmhOptions.forEach((benchmark, options) -> {
            Map<String, String> headOptions = head.jmhOptions.get(benchmark);
            if (headOptions != null && !options.equals(headOptions)) {
                mismatches.add(new EnvironmentMismatch("JMH options of " + benchmark, differing(options, headOptions),
                        differing(headOptions, options)));
            }
        });
        return mismatches;
    }

    private static boolean jvmDiffers(Jvm base, Jvm head) {
        boolean vendorsKnown = base.vendor() != null && head.vendor() != null;
        return !base.version().equals(head.version()) || !base.name().equals(head.name())
                || vendorsKnown && !base.vendor().equals(head.vendor());
    }

    /** The options of {@code these} whose value differs in (or is missing from) {@code those}, as {@code k=v, ...}. */
    private static String differing(Map<String, String> these, Map<String, String> those) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(these).forEach((option, value) -> {
            if (!Objects.equals(value, those.get(option))) {
                parts.add(option + "=" + value);
            }
        });
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }
}
