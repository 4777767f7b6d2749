package dev.profgate.jenkins.pipeline;

import com.lesfurets.jenkins.unit.BasePipelineTest;
import com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration;
import com.lesfurets.jenkins.unit.global.lib.LocalSource;
import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JenkinsPipelineUnit around the shared library in {@code jenkins-plugin/}: the Pipeline steps the library calls are
 * mocked as Jenkins behaves (error throws, withCredentials binds secret values to environment variables for the
 * closure only, an absent plugin's step throws NoSuchMethodError), every call is recorded, and {@code sh} really runs
 * its script with {@code /bin/sh} in a temporary workspace with the pipeline's environment, so the step is tested
 * against what its shell script actually does.
 */
final class PipelineHarness extends BasePipelineTest {
    static final Path LIBRARY = Path.of(System.getProperty("profgate.library", ".")).toAbsolutePath().normalize();

    final Path workspace;
    final Map<String, String> env = new LinkedHashMap<>();
    final Map<String, Map<String, String>> credentials = new HashMap<>();
    final List<String> log = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> calls = new LinkedHashMap<>();
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private Function<String, Boolean> runsForReal = script -> true;
    private boolean htmlPublisherInstalled = true;

    PipelineHarness(Path workspace) throws Exception {
        this.workspace = workspace;
        setScriptRoots(new String[] {LIBRARY.toString()});
        setScriptExtension("groovy");
        setBaseScriptRoot(LIBRARY.toString());
        super.setUp();
        env.put("BUILD_URL", "https://jenkins.example.com/job/app/7/");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        getBinding().setVariable("env", env);
        getBinding().setVariable("currentBuild", new LinkedHashMap<>(Map.of("result", "SUCCESS")));
        getBinding().setVariable("scm", Map.of("type", "git"));
        getBinding().setVariable("params", new LinkedHashMap<>());
        registerMocks();
    }

    /** Which sh scripts run for real (the rest are only recorded); all of them by default. */
    void runForReal(Function<String, Boolean> which) {
        runsForReal = which;
    }

    /** Without the HTML Publisher plugin, publishHTML is not a step: calling it throws as Jenkins does. */
    void withoutHtmlPublisher() {
        htmlPublisherInstalled = false;
    }

    /** Defines credentials {@code id} with the given fields (secret, or username and password). */
    void credential(String id, Map<String, String> fields) {
        credentials.put(id, fields);
    }

    /** Runs the library's step {@code profgate(params)} and returns what it returns. */
    @SuppressWarnings("unchecked")
    Map<String, Object> runStep(Map<String, Object> params) {
        Script step = loadScript("vars/profgate.groovy");
        return (Map<String, Object>) step.invokeMethod("call", new Object[] {new LinkedHashMap<>(params)});
    }

    /** Runs a Jenkinsfile that loads this library with {@code @Library('profgate@VERSION') _}. */
    Object runJenkinsfile(Path jenkinsfile, String version) throws IOException {
        Path libraries = Files.createDirectories(LIBRARY.resolve("target/pipeline-libraries"));
        Path link = libraries.resolve("profgate@" + version);
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, LIBRARY);
        }
        getHelper().registerSharedLibrary(LibraryConfiguration.library().name("profgate").defaultVersion("main")
                .allowOverride(true).implicit(false).targetPath(libraries.toString())
                .retriever(LocalSource.localSource(libraries.toString())).build());
        return runScript(jenkinsfile.toString());
    }

    String result() {
        return String.valueOf(currentBuild().get("result"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> currentBuild() {
        return (Map<String, Object>) getBinding().getVariable("currentBuild");
    }

    /** The recorded calls of {@code step}, each as its named arguments (or {@code value} for one plain argument). */
    List<Map<String, Object>> calls(String step) {
        return calls.getOrDefault(step, List.of());
    }

    /** Every text a step put into the log or a shell script: echo, error, sh scripts, written files. */
    List<String> texts() {
        List<String> texts = new ArrayList<>(log);
        for (String step : List.of("sh", "echo", "error", "writeFile")) {
            calls(step).forEach(call -> texts.add(call.toString()));
        }
        return texts;
    }

    private void registerMocks() {
        mock("sh", List.of(Map.class), args -> sh(map(args[0])));
        mock("sh", List.of(CharSequence.class), args -> sh(Map.of("script", args[0].toString())));
        mock("error", List.of(CharSequence.class), args -> {
            record("error", Map.of("value", args[0].toString()));
            currentBuild().put("result", "FAILURE");
            throw new PipelineError(args[0].toString());
        });
        mock("echo", List.of(CharSequence.class), args -> record("echo", Map.of("value", args[0].toString())));
        mock("withCredentials", List.of(List.class, Closure.class), args -> withCredentials((List<?>) args[0],
                (Closure<?>) args[1]));
        mock("withEnv", List.of(List.class, Closure.class), args -> withEnv((List<?>) args[0], (Closure<?>) args[1]));
        mock("string", List.of(Map.class), args -> binding("string", map(args[0])));
        mock("usernamePassword", List.of(Map.class), args -> binding("usernamePassword", map(args[0])));
        mock("pwd", List.of(Map.class), args -> createDirectories(workspace.resolveSibling(workspace.getFileName()
                + "@tmp")).toString());
        mock("fileExists", List.of(CharSequence.class), args -> Files.exists(file(args[0])));
        mock("readFile", List.of(CharSequence.class), args -> read(file(args[0])));
        mock("writeFile", List.of(Map.class), args -> writeFile(map(args[0])));
        mock("archiveArtifacts", List.of(Map.class), args -> record("archiveArtifacts", map(args[0])));
        mock("junit", List.of(Map.class), args -> record("junit", map(args[0])));
        mock("publishHTML", List.of(Map.class), args -> {
            if (!htmlPublisherInstalled) {
                throw new NoSuchMethodError("No such DSL method 'publishHTML' found among steps [archiveArtifacts, "
                        + "junit, sh, ...]");
            }
            return record("publishHTML", map(args[0]));
        });
        for (String step : List.of("checkout", "properties", "pipelineTriggers", "cron", "parameters")) {
            mock(step, List.of(Object.class), args -> record(step, Map.of("value", args[0])));
        }
        mock("dir", List.of(CharSequence.class, Closure.class), args -> ((Closure<?>) args[1]).call());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void mock(String step, List<Class<?>> types, Function<Object[], Object> body) {
        Closure<Object> closure = new StepMock(this, body);
        getHelper().registerAllowedMethod(step, (List) new ArrayList<>(types), closure);
        if (types.contains(CharSequence.class)) {
            for (Class<?> text : List.of(String.class, GString.class)) {
                getHelper().registerAllowedMethod(step, (List) types.stream()
                        .map(type -> type == CharSequence.class ? text : type).toList(), closure);
            }
        }
    }

    /** A mocked step: its arguments go to {@code body} as an array. */
    private static final class StepMock extends Closure<Object> {
        private static final long serialVersionUID = 1L;
        private final transient Function<Object[], Object> body;

        StepMock(Object owner, Function<Object[], Object> body) {
            super(owner);
            this.body = body;
        }

        @SuppressWarnings("unused")
        public Object doCall(Object... args) {
            return body.apply(args);
        }
    }

    private Object record(String step, Map<String, Object> args) {
        calls.computeIfAbsent(step, k -> new ArrayList<>()).add(plain(args));
        return null;
    }

    /** {@code args} with Groovy strings as Java strings, so recorded calls compare with plain maps. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> args) {
        Map<String, Object> plain = new LinkedHashMap<>();
        args.forEach((key, value) -> plain.put(key, value instanceof GString ? value.toString()
                : value instanceof Map<?, ?> map ? plain((Map<String, Object>) map) : value));
        return plain;
    }

    private Object sh(Map<String, Object> args) {
        record("sh", args);
        String script = args.get("script").toString();
        if (!runsForReal.apply(script)) {
            return returnStatus(args) ? 0 : null;
        }
        Shell.Run run = Shell.run(script, workspace, environment());
        log.add(run.output());
        if (returnStatus(args)) {
            return run.status();
        }
        if (run.status() != 0) {
            throw new PipelineError("script returned exit code " + run.status());
        }
        return null;
    }

    /** The environment a script sees: the node's, the job's env, then withEnv and withCredentials scopes. */
    Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>(env);
        scopes.descendingIterator().forEachRemaining(all::putAll);
        return all;
    }

    private static boolean returnStatus(Map<String, Object> args) {
        return Boolean.TRUE.equals(args.get("returnStatus"));
    }

    private Object withCredentials(List<?> bindings, Closure<?> body) {
        Map<String, String> bound = new LinkedHashMap<>();
        for (Object binding : bindings) {
            Map<String, Object> b = map(binding);
            Map<String, String> credential = credentials.get(b.get("credentialsId").toString());
            if (credential == null) {
                throw new PipelineError("Could not find credentials entry with ID '" + b.get("credentialsId") + "'");
            }
            if ("string".equals(b.get("binding"))) {
                bound.put(b.get("variable").toString(), credential.get("secret"));
            } else {
                bound.put(b.get("usernameVariable").toString(), credential.get("username"));
                bound.put(b.get("passwordVariable").toString(), credential.get("password"));
            }
        }
        record("withCredentials", Map.of("bindings", bindings));
        return inScope(bound, body);
    }

    private Object withEnv(List<?> variables, Closure<?> body) {
        Map<String, String> scope = new LinkedHashMap<>();
        for (Object variable : variables) {
            String text = variable.toString();
            int eq = text.indexOf('=');
            scope.put(text.substring(0, eq), text.substring(eq + 1));
        }
        record("withEnv", Map.of("value", variables));
        return inScope(scope, body);
    }

    private Object inScope(Map<String, String> scope, Closure<?> body) {
        scopes.push(scope);
        try {
            return body.call();
        } finally {
            scopes.pop();
        }
    }

    private static Map<String, Object> binding(String kind, Map<String, Object> args) {
        Map<String, Object> binding = new LinkedHashMap<>(args);
        binding.put("binding", kind);
        return binding;
    }

    private Object writeFile(Map<String, Object> args) {
        record("writeFile", args);
        try {
            Path target = file(args.get("file"));
            Files.createDirectories(target.getParent());
            Files.writeString(target, args.get("text").toString(), StandardCharsets.UTF_8);
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(Object name) {
        return workspace.resolve(name.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PipelineError("readFile: " + file + " not found");
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** What Jenkins' error step (and a failing step) throws: the build fails with this message. */
    static final class PipelineError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PipelineError(String message) {
            super(message);
        }
    }
}
