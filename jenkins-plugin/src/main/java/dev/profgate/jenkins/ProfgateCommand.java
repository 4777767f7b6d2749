package dev.profgate.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profgate command line a Jenkins step runs, from the step's parameters (the same as the shared-library step's
 * and the GitHub Action's inputs). The program is {@code launcher} (a checkout's {@code bin/profgate}) when set, else
 * {@code java} with {@code bin/profgate}'s JVM flags and {@code -jar jar}; the benchmarks of bench mode run on
 * {@code jvm} ({@code --jvm}) when set, else on profgate's java. Secrets are never arguments: the Pyroscope token
 * and password are named by the environment variable holding them ({@code --token-env}, {@code --password-env}).
 */
public final class ProfgateCommand {
    /** Where the report folder goes unless the step says otherwise. */
    public static final String DEFAULT_OUT = "profgate-report";
    /** The JVM flags of {@code bin/profgate}, for a short command-line run (C1 only, serial GC). */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Mode mode;
    private List<String> base = List.of();
    private List<String> head = List.of();
    private String config;
    private String gate;
    private String out = DEFAULT_OUT;
    private FailOn failOn = FailOn.FAIL;
    private List<String> extraArgs = List.of();
    private String pyroscopeUrl;
    private String tenant;
    private String profileType;
    private String selector;
    private String deployedAt;
    private String window;
    private String gap;
    private String tokenEnv;
    private String user;
    private String passwordEnv;
    private String launcher;
    private String jar;
    private String java = "java";
    private String jvm;
    private String profiles;
    private String from;
    private String to;
    private String step;
    private String deploys;
    private String versionLabel;
    private boolean github;

    /**
     * A command of {@code mode}: compare (profile files), bench (JMH of two git revisions), deploy or watch (change
     * points over a time range).
     */
    public ProfgateCommand(Mode mode) {
        this.mode = mode;
    }

    /** Which profgate subcommand a step runs. */
    public enum Mode {
        COMPARE("compare"), BENCH("bench"), DEPLOY("deploy-check"), WATCH("watch");

        private final String subcommand;

        Mode(String subcommand) {
            this.subcommand = subcommand;
        }

        /** The mode named {@code label}: compare, bench, deploy or watch (any case). */
        public static Mode of(String label) {
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(label)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("mode is '" + label + "'; use compare, bench, deploy or watch");
        }

        /** The lower-case name the step takes. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Base side: profile files, folders or globs (compare), a git revision (bench), a label selector (deploy). */
    public ProfgateCommand base(List<String> values) {
        this.base = List.copyOf(values);
        return this;
    }

    /** Head side, as {@link #base}. */
    public ProfgateCommand head(List<String> values) {
        this.head = List.copyOf(values);
        return this;
    }

    /** Policy file (profgate.yml). */
    public ProfgateCommand config(String value) {
        this.config = value;
        return this;
    }

    /** Gate name (one sticky PR comment per gate). */
    public ProfgateCommand gate(String value) {
        this.gate = value;
        return this;
    }

    /** Report folder, relative to the workspace. */
    public ProfgateCommand out(String value) {
        this.out = value;
        return this;
    }

    /** Verdict from which the CLI exits 1. */
    public ProfgateCommand failOn(FailOn value) {
        this.failOn = value;
        return this;
    }

    /** More profgate arguments, each one argument, passed as they are. */
    public ProfgateCommand extraArgs(List<String> values) {
        this.extraArgs = List.copyOf(values);
        return this;
    }

    /** Deploy mode: the Pyroscope server address. */
    public ProfgateCommand pyroscopeUrl(String value) {
        this.pyroscopeUrl = value;
        return this;
    }

    /** Deploy mode: the tenant sent as X-Scope-OrgID. */
    public ProfgateCommand tenant(String value) {
        this.tenant = value;
        return this;
    }

    /** Deploy mode: the profile type (e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds, or cpu). */
    public ProfgateCommand profileType(String value) {
        this.profileType = value;
        return this;
    }

    /** Deploy mode: the label selector of both sides. */
    public ProfgateCommand selector(String value) {
        this.selector = value;
        return this;
    }

    /** Deploy mode: deploy time (RFC 3339); base is the window before it, head the window after. */
    public ProfgateCommand deployedAt(String value) {
        this.deployedAt = value;
        return this;
    }

    /** Deploy mode: length of each window, e.g. 30m. */
    public ProfgateCommand window(String value) {
        this.window = value;
        return this;
    }

    /** Deploy mode: rollout time skipped after the deploy, e.g. 2m. */
    public ProfgateCommand gap(String value) {
        this.gap = value;
        return this;
    }

    /** Deploy mode: the environment variable holding Pyroscope's bearer token. */
    public ProfgateCommand tokenEnv(String variable) {
        this.tokenEnv = variable;
        return this;
    }

    /** Deploy mode: basic-auth user, and the environment variable holding its password. */
    public ProfgateCommand basicAuth(String userName, String passwordVariable) {
        this.user = userName;
        this.passwordEnv = passwordVariable;
        return this;
    }

    /** Runs this program (a checkout's {@code bin/profgate}) instead of {@code java -jar}. */
    public ProfgateCommand launcher(String path) {
        this.launcher = path;
        return this;
    }

    /** Runs {@code java -jar path} (ignored when a launcher is set). */
    public ProfgateCommand jar(String path) {
        this.jar = path;
        return this;
    }

    /** The java program for {@code -jar} (default: java from PATH). */
    public ProfgateCommand java(String path) {
        this.java = path;
        return this;
    }

    /** Bench mode: the java of the benchmark forks, a java program or a JDK home ({@code --jvm}). */
    public ProfgateCommand jvm(String path) {
        this.jvm = path;
        return this;
    }

    /** Watch mode: the folder of dated profiles ({@code --profiles}; default: the baseline store's history). */
    public ProfgateCommand profiles(String folder) {
        this.profiles = folder;
        return this;
    }

    /** Watch mode: the range watched, {@code --from} and {@code --to} (e.g. now-7d and now). */
    public ProfgateCommand range(String start, String end) {
        this.from = start;
        this.to = end;
        return this;
    }

    /** Watch mode: the step length, e.g. 1h. */
    public ProfgateCommand step(String value) {
        this.step = value;
        return this;
    }

    /** Watch mode: the deploy list change points are attributed to ({@code --deploys}). */
    public ProfgateCommand deploys(String file) {
        this.deploys = file;
        return this;
    }

    /** Watch mode, from Pyroscope: the label whose changes are the deploys ({@code --version-label}). */
    public ProfgateCommand versionLabel(String label) {
        this.versionLabel = label;
        return this;
    }

    /** Watch mode: keep a GitHub issue per regression ({@code --github}; the token in GITHUB_TOKEN). */
    public ProfgateCommand github(boolean value) {
        this.github = value;
        return this;
    }

    /** The report folder this command writes. */
    public String out() {
        return out;
    }

    /** The whole command line: program, then {@link #arguments()}. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        if (present(launcher)) {
            line.add(launcher);
        } else {
            if (!present(jar)) {
                throw new IllegalArgumentException("give the profgate jar (jar) or launcher (launcher)");
            }
            line.add(java);
            line.addAll(JVM_FLAGS);
            line.add("-jar");
            line.add(jar);
        }
        line.addAll(arguments());
        return line;
    }

    /** profgate's arguments: the subcommand, the sides, the options, then {@code --out} and {@code --fail-on}. */
    public List<String> arguments() {
        if (present(jvm) && mode != Mode.BENCH) {
            throw new IllegalArgumentException("jvm applies to mode bench only");
        }
        List<String> args = new ArrayList<>();
        args.add(mode.subcommand);
        switch (mode) {
            case COMPARE -> sides(args);
            case BENCH -> {
                option(args, "--base-ref", single("base", base));
                option(args, "--head-ref", single("head", head));
                option(args, "--jvm", jvm);
            }
            case DEPLOY -> deploy(args);
            case WATCH -> watch(args);
        }
        option(args, "--config", config);
        option(args, "--gate", gate);
        args.addAll(extraArgs);
        args.add("--out");
        args.add(out);
        args.add("--fail-on");
        args.add(failOn.label());
        return args;
    }

    private void sides(List<String> args) {
        if (base.isEmpty() || head.isEmpty()) {
            throw new IllegalArgumentException("compare needs base and head profiles");
        }
        args.add("--base");
        args.addAll(base);
        args.add("--head");
        args.addAll(head);
    }

    private void deploy(List<String> args) {
        if (!present(pyroscopeUrl)) {
            throw new IllegalArgumentException("deploy needs pyroscopeUrl");
        }
        server(args);
        option(args, "--base", single("base", base));
        option(args, "--head", single("head", head));
        option(args, "--deployed-at", deployedAt);
        option(args, "--window", window);
        option(args, "--gap", gap);
        credentials(args);
    }

    /** The server options of deploy and watch. */
    private void server(List<String> args) {
        option(args, "--url", pyroscopeUrl);
        option(args, "--tenant", tenant);
        option(args, "--profile-type", profileType);
        option(args, "--selector", selector);
    }

    /** The variables of the server's credentials. */
    private void credentials(List<String> args) {
        option(args, "--token-env", tokenEnv);
        option(args, "--user", user);
        option(args, "--password-env", passwordEnv);
    }

    private void watch(List<String> args) {
        if (present(versionLabel) && !present(pyroscopeUrl)) {
            throw new IllegalArgumentException("versionLabel reads the deploys from Pyroscope: give pyroscopeUrl");
        }
        option(args, "--profiles", profiles);
        server(args);
        credentials(args);
        option(args, "--from", from);
        option(args, "--to", to);
        option(args, "--step", step);
        option(args, "--deploys", deploys);
        option(args, "--version-label", versionLabel);
        if (github) {
            args.add("--github");
        }
    }

    private String single(String name, List<String> values) {
        if (values.size() > 1) {
            throw new IllegalArgumentException(mode.label() + " takes one " + name + ", not " + values.size());
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static void option(List<String> args, String flag, String value) {
        if (present(value)) {
            args.add(flag);
            args.add(value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
