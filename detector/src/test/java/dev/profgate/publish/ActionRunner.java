package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs {@code github-action/action.yml} the way the Actions runner runs a composite action: inputs with their
 * defaults, {@code ${{ }}} expressions in {@code env}/{@code with}/{@code if}, each {@code run} step as
 * {@code bash --noprofile --norc -eo pipefail} with a fresh {@code GITHUB_OUTPUT} file, {@code GITHUB_ENV} carried to
 * later steps, step outputs and outcomes. Steps that use other actions are stood in for: each records its evaluated
 * {@code with}; setup-java answers with this JVM's home as the Java it installed, upload-artifact with an artifact
 * address. The build step is replaced by this JVM and the test classpath, unless {@link #building()} runs it.
 */
final class ActionRunner {
    static final Path ACTION_DIR = PublishFixtures.REPO.resolve("github-action");
    static final String ARTIFACT_URL = "https://github.example/acme/payments/actions/runs/555/artifacts/77";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern IF_OUTPUT = Pattern.compile("always\\(\\) && steps\\.([\\w-]+)\\.outputs\\.([\\w-]+) != ''");
    private static final Pattern IF_OUTCOME = Pattern.compile("always\\(\\) && steps\\.([\\w-]+)\\.outcome == 'success'");
    private static final Pattern IF_INPUT_OUTPUT = Pattern.compile("always\\(\\) && inputs\\.([\\w-]+) == 'true' && "
            + "steps\\.([\\w-]+)\\.outputs\\.([\\w-]+) != ''");
    private static final Pattern IF_EMPTY = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+) (==|!=) ''");
    private static final String JAVA_HOME = System.getProperty("java.home");

    /** The workflow command registering a secret; the runner consumes the line and masks the value afterwards. */
    private static final String ADD_MASK = "::add-mask::";

    /** One step as it ran: outcome ({@code success}, {@code failure}, {@code skipped}), exit code, output. */
    record Step(String id, String outcome, int exit, String stdout, String stderr, Map<String, String> outputs,
                List<String> masked) {
    }

    /**
     * The whole run: steps by id, the action's outputs, the {@code with} of each action it used (by name, without the
     * version) and the environment its last step ran with.
     */
    record Run(Map<String, Step> steps, Map<String, String> outputs, Map<String, Map<String, String>> used,
               Map<String, String> env) {
        /** What upload-artifact was given. */
        Map<String, String> upload() {
            return used.getOrDefault("actions/upload-artifact", Map.of());
        }

        /** What upload-sarif was given. */
        Map<String, String> sarif() {
            return used.getOrDefault("github/codeql-action/upload-sarif", Map.of());
        }

        String allText() {
            StringBuilder text = new StringBuilder();
            steps.values().forEach(s -> text.append(s.stdout()).append(s.stderr()).append(s.outputs()));
            return text.append(outputs).append(upload()).toString();
        }
    }

    private final Map<String, String> runnerEnv;
    private final String githubToken;
    private final Path workspace;
    private final Path scratch;
    private Path actionDir = ACTION_DIR;
    private boolean building;

    /**
     * A runner with the runner variables of a pull request run against {@code github} ({@code GITHUB_*}, no token
     * in the environment: the token is only {@code github.token} in expressions), working in {@code workspace}.
     */
    ActionRunner(GitHubApiMock github, Path workspace, Path scratch) throws IOException {
        this.runnerEnv = new HashMap<>(PublishFixtures.pullRequestEnv(github, scratch));
        runnerEnv.remove("GITHUB_TOKEN");
        runnerEnv.put("GITHUB_WORKSPACE", workspace.toString());
        runnerEnv.put("JAVA_HOME", JAVA_HOME);
        runnerEnv.put("RUNNER_OS", "Linux");
        runnerEnv.put("RUNNER_ARCH", "X64");
        runnerEnv.put("RUNNER_TEMP", Files.createDirectories(scratch.resolve("runner-temp")).toString());
        runnerEnv.put("RUNNER_TOOL_CACHE", scratch.resolve("tool-cache").toString());
        this.githubToken = GitHubApiMock.TOKEN;
        this.workspace = workspace;
        this.scratch = scratch;
    }

    /** Runs the action of the checkout {@code root} (its {@code github-action} folder) instead of this one. */
    ActionRunner at(Path root) {
        actionDir = root.resolve("github-action");
        return this;
    }

    /** Runs the action's build step (its entry script's {@code build}) instead of standing in for it. */
    ActionRunner building() {
        building = true;
        return this;
    }

    /** Sets the runner's environment variable {@code name} for every step, or removes it when {@code value} is null. */
    ActionRunner env(String name, String value) {
        if (value == null) {
            runnerEnv.remove(name);
        } else {
            runnerEnv.put(name, value);
        }
        return this;
    }

    /** Runs the action with the {@code with:} values {@code given}. */
    @SuppressWarnings("unchecked")
    Run run(Map<String, String> given) throws IOException, InterruptedException {
        Map<String, Object> action = new Yaml().load(Files.readString(actionDir.resolve("action.yml")));
        Map<String, String> inputs = new HashMap<>();
        Map<String, Step> steps = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) action.get("inputs")).forEach((name, spec) ->
                inputs.put(name, evaluate(String.valueOf(spec.getOrDefault("default", "")), Map.of(), steps)));
        inputs.putAll(given);
        Map<String, String> env = new HashMap<>(runnerEnv);
        Map<String, Map<String, String>> used = new HashMap<>();
        boolean failed = false;
        for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs"))
                .get("steps")) {
            String id = String.valueOf(step.getOrDefault("id", "step" + steps.size()));
            Step ran;
            if (!runs(step.get("if"), failed, steps, inputs)) {
                ran = new Step(id, "skipped", 0, "", "", Map.of(), List.of());
            } else if (step.containsKey("uses")) {
                String name = step.get("uses").toString().replaceAll("@.*", "");
                Map<String, String> with = new HashMap<>();
                ((Map<String, Object>) step.get("with")).forEach((k, v) ->
                        with.put(k, evaluate(String.valueOf(v), inputs, steps)));
                used.put(name, with);
                ran = new Step(id, "success", 0, "", "", switch (name) {
                    case "actions/upload-artifact" -> Map.of("artifact-url", ARTIFACT_URL, "artifact-id", "77");
                    case "actions/setup-java" -> Map.of("path", JAVA_HOME, "version", Runtime.version().toString());
                    default -> Map.of();
                }, List.of());
            } else if (id.equals("build") && !building) {
                env.put("PROFGATE_JAVA", Path.of(JAVA_HOME, "bin", "java").toString());
                env.put("PROFGATE_CLASSPATH", System.getProperty("java.class.path"));
                ran = new Step(id, "success", 0, "", "", Map.of(), List.of());
            } else {
                ran = runScript(id, step, env, inputs, steps);
            }
            steps.put(id, ran);
            failed |= ran.outcome().equals("failure");
        }
        Map<String, String> outputs = new HashMap<>();
        ((Map<String, Map<String, Object>>) action.get("outputs")).forEach((name, spec) ->
                outputs.put(name, evaluate(String.valueOf(spec.get("value")), inputs, steps)));
        return new Run(steps, outputs, used, env);
    }

    @SuppressWarnings("unchecked")
    private Step runScript(String id, Map<String, Object> step, Map<String, String> env, Map<String, String> inputs,
                           Map<String, Step> steps) throws IOException, InterruptedException {
        assertTrue("bash".equals(step.get("shell")), id + " runs in bash");
        Path dir = Files.createDirectories(scratch.resolve("step-" + id + "-" + System.nanoTime()));
        Path script = Files.writeString(dir.resolve("script.sh"), evaluate(String.valueOf(step.get("run")), inputs,
                steps));
        Path output = Files.createFile(dir.resolve("output"));
        Path envFile = Files.createFile(dir.resolve("env"));
        ProcessBuilder process = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                script.toString()).directory(workspace.toFile());
        Map<String, String> processEnv = process.environment();
        processEnv.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("PROFGATE_") || k.startsWith("INPUT_")
                || k.startsWith("RUNNER_") || k.startsWith("JAVA_HOME"));
        processEnv.putAll(env);
        processEnv.put("GITHUB_ACTION_PATH", actionDir.toString());
        processEnv.put("GITHUB_OUTPUT", output.toString());
        processEnv.put("GITHUB_ENV", envFile.toString());
        ((Map<String, Object>) step.getOrDefault("env", Map.of())).forEach((k, v) ->
                processEnv.put(k, evaluate(String.valueOf(v), inputs, steps)));
        process.redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        Process started = process.start();
        assertTrue(started.waitFor(120, TimeUnit.SECONDS), id + " finished");
        int exit = started.exitValue();
        env.putAll(PublishFixtures.outputs(envFile));
        List<String> masks = new ArrayList<>();
        String stdout = read(dir.resolve("stdout")).lines().filter(line -> {
            boolean mask = line.startsWith(ADD_MASK);
            if (mask) {
                masks.add(line.substring(ADD_MASK.length()));
            }
            return !mask;
        }).map(line -> line + "\n").collect(Collectors.joining());
        String shownOut = masked(stdout, masks);
        String shownErr = masked(read(dir.resolve("stderr")), masks);
        Files.writeString(dir.resolve("stdout"), shownOut);
        Files.writeString(dir.resolve("stderr"), shownErr);
        return new Step(id, exit == 0 ? "success" : "failure", exit, shownOut, shownErr,
                PublishFixtures.outputs(output), List.copyOf(masks));
    }

    /** What the runner shows of a log (and keeps in its log files): every registered secret replaced with {@code ***}. */
    private static String masked(String log, List<String> masks) {
        String shown = log;
        for (String secret : masks) {
            shown = shown.replace(secret, "***");
        }
        return shown;
    }

    private static boolean runs(Object condition, boolean failed, Map<String, Step> steps, Map<String, String> inputs) {
        if (condition == null) {
            return !failed;
        }
        String text = condition.toString().replaceAll("^\\$\\{\\{\\s*(.*?)\\s*}}$", "$1");
        Matcher input = IF_INPUT_OUTPUT.matcher(text);
        if (input.matches()) {
            return "true".equals(inputs.get(input.group(1)))
                    && !steps.get(input.group(2)).outputs().getOrDefault(input.group(3), "").isEmpty();
        }
        Matcher output = IF_OUTPUT.matcher(condition.toString());
        if (output.matches()) {
            return !steps.get(output.group(1)).outputs().getOrDefault(output.group(2), "").isEmpty();
        }
        Matcher empty = IF_EMPTY.matcher(text);
        if (empty.matches()) {
            boolean isEmpty = steps.get(empty.group(1)).outputs().getOrDefault(empty.group(2), "").isEmpty();
            return !failed && isEmpty == empty.group(3).equals("==");
        }
        Matcher outcome = IF_OUTCOME.matcher(condition.toString());
        assertTrue(outcome.matches(), "condition this runner cannot evaluate: " + condition);
        return steps.get(outcome.group(1)).outcome().equals("success");
    }

    private String evaluate(String text, Map<String, String> inputs, Map<String, Step> steps) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), inputs, steps)));
        }
        return m.appendTail(out).toString();
    }

    private String value(String expression, Map<String, String> inputs, Map<String, Step> steps) {
        String[] parts = expression.split("\\.");
        if (parts[0].equals("inputs") && parts.length == 2 && inputs.containsKey(parts[1])) {
            return inputs.get(parts[1]);
        }
        if (expression.equals("github.token")) {
            return githubToken;
        }
        if (expression.equals("runner.temp")) {
            return runnerEnv.get("RUNNER_TEMP");
        }
        if (parts[0].equals("steps") && parts.length == 4 && parts[2].equals("outputs")) {
            Step step = steps.get(parts[1]);
            return step == null ? "" : step.outputs().getOrDefault(parts[3], "");
        }
        throw new AssertionError("expression this runner cannot evaluate: " + expression);
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
