package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.cli.StackProfiles;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action end to end, run as the Actions runner runs it ({@link ActionRunner}): its entry script compares recorded
 * profiles in a git workspace where each of 120 new functions has its own source file, and publishes to the loopback
 * GitHub. How the action gets profgate (a release's jar from a loopback release server, or a build at the action's
 * ref) and which Java runs it is tested on copies of the action's checkout.
 */
@Timeout(300)
class ActionScriptTest {
    private static final int NEW_FUNCTIONS = 120;
    private static final Map<String, String> INPUTS = Map.of("base", "profiles/base", "head", "profiles/head",
            "out", "report");
    private static final String VERSION = "9.8.7";
    private static final String JAR_NAME = "profgate-" + VERSION + ".jar";
    private static final String DOWNLOAD = "/acme/profgate/releases/download/v" + VERSION + "/" + JAR_NAME;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path workspace;
    @TempDir
    Path scratch;
    private GitHubApiMock github;

    @BeforeAll
    static void recordProfilesInAGitWorkspace() throws Exception {
        StackProfiles base = new StackProfiles();
        StackProfiles head = new StackProfiles();
        for (int i = 0; i < 20; i++) {
            base.add(300, StackProfiles.frames("main", "app.step" + i));
            head.add(300, StackProfiles.frames("main", "app.step" + i));
        }
        Files.createDirectories(workspace.resolve("src"));
        for (int i = 0; i < NEW_FUNCTIONS; i++) {
            head.add(100, StackProfiles.frames("main", "app.new" + i));
            Files.writeString(workspace.resolve("src/app.new" + i + ".go"), "package app\n".repeat(20));
        }
        base.write(workspace.resolve("profiles/base"));
        head.write(workspace.resolve("profiles/head"));
        TestGit.run(workspace, "init", "-q");
        TestGit.run(workspace, "add", "src");
    }

    @BeforeEach
    void start() throws IOException {
        github = new GitHubApiMock();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void uploadSarifHandsTheReportsSarifToCodeScanning() throws Exception {
        Map<String, String> inputs = new java.util.HashMap<>(INPUTS);
        inputs.put("upload-sarif", "true");
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch.resolve("sarif")).run(inputs);
        Path sarif = Path.of(run.sarif().get("sarif_file"));
        assertEquals(workspace.resolve("report/report.sarif"), sarif);
        assertTrue(Files.readString(sarif).contains("\"version\" : \"2.1.0\""), sarif.toString());
        assertEquals("profgate-compare-", run.sarif().get("category"));
        assertEquals(GitHubApiMock.TOKEN, run.sarif().get("token"));
    }

    @Test
    void aFailingPullRequestGetsOneCommentABatchedCheckRunOutputsAndTheArtifact() throws Exception {
        ActionRunner.Run first = new ActionRunner(github, workspace, scratch.resolve("first")).run(INPUTS);
        assertEquals("success", first.steps().get("run").outcome(), first.steps().get("run").stderr());
        ActionRunner.Step publish = first.steps().get("publish");
        assertEquals(1, publish.exit(), "the verdict fails the gate: " + publish.stderr());
        String report = workspace.resolve("report").toString();
        assertEquals(Map.of("name", "profgate-report", "path", report, "if-no-files-found", "error"), first.upload());
        assertEquals(Map.of(), first.sarif(), "uploading the SARIF is opt-in");
        assertEquals("fail", first.outputs().get("verdict"));
        assertEquals(report, first.outputs().get("report-dir"));
        assertEquals(ActionRunner.ARTIFACT_URL, first.outputs().get("artifact-url"));
        assertEquals(Integer.toString(NEW_FUNCTIONS), first.outputs().get("regressions"));
        assertEquals(github.comments().get(0).get("html_url").textValue(), first.outputs().get("comment-url"));

        List<GitHubApiMock.Request> creates = github.requests("POST", "/repos/acme/payments/check-runs");
        long id = github.checkRuns().get(0).get("id").asLong();
        List<GitHubApiMock.Request> patches = github.requests("PATCH", "/repos/acme/payments/check-runs/" + id);
        List<Integer> batches = new ArrayList<>();
        Set<String> annotated = new HashSet<>();
        for (GitHubApiMock.Request request : concat(creates, patches)) {
            JsonNode annotations = request.json().at("/output/annotations");
            batches.add(annotations.size());
            annotations.forEach(a -> annotated.add(a.get("path").textValue() + ":" + a.get("start_line").asInt()));
        }
        assertEquals(List.of(50, 50, 20), batches);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < NEW_FUNCTIONS; i++) {
            expected.add("src/app.new" + i + ".go:11");
        }
        assertEquals(expected, annotated, "each new function annotated at its line in its own file");
        assertEquals(ActionRunner.ARTIFACT_URL, creates.get(0).json().get("details_url").textValue());
        assertTrue(github.comments().get(0).get("body").textValue().contains("[Full report](<"
                + ActionRunner.ARTIFACT_URL + ">)"));

        ActionRunner.Run second = new ActionRunner(github, workspace, scratch.resolve("second")).run(INPUTS);
        assertEquals("updated", second.steps().get("publish").outputs().get("comment"));
        assertEquals(1, github.comments().size());
        String summary = Files.readString(scratch.resolve("second/summary.md"));
        assertTrue(summary.startsWith("<!-- profgate:gate=samples -->\n### ❌ profgate FAIL"), summary);
        for (ActionRunner.Run run : List.of(first, second)) {
            GitHubErrorsTest.assertTokenAbsent(run.allText(), "the steps' output");
            assertEquals(List.of(GitHubApiMock.TOKEN), run.steps().get("publish").masked(),
                    "the token is registered with ::add-mask:: before publishing");
        }
        GitHubErrorsTest.assertTokenAbsent(PublishFixtures.allText(workspace.resolve("report")), "the report");
        GitHubErrorsTest.assertTokenAbsent(PublishFixtures.allText(scratch), "the runner files");
    }

    @Test
    void aForkPullRequestWarnsAndKeepsTheReportInTheJobSummary() throws Exception {
        github.notAccessible("POST .*", "issues/comments").notAccessible("PATCH .*", "checks/runs");
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch).run(INPUTS);
        ActionRunner.Step publish = run.steps().get("publish");
        assertEquals(1, publish.exit(), "the gate still fails: " + publish.stderr());
        assertTrue(publish.stderr().lines().anyMatch(l -> l.startsWith("::warning title=profgate::the token may not "
                + "write to acme/payments (POST /repos/acme/payments/issues/7/comments")), publish.stderr());
        assertTrue(Files.readString(scratch.resolve("summary.md")).contains("### ❌ profgate FAIL"));
        assertEquals("", run.outputs().get("check-run-url"));
        assertEquals("fail", run.outputs().get("verdict"));
    }

    @Test
    void aGitHubServerErrorFailsThePublishStepWithOneLineAndExitTwo() throws Exception {
        github.failWith("POST /repos/acme/payments/check-runs", 500, Map.of(), "{\"message\":\"Server Error\"}");
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch).run(Map.of("base", "profiles/base",
                "head", "profiles/head", "out", "report", "comment", "never", "fail-on", "never"));
        ActionRunner.Step publish = run.steps().get("publish");
        assertEquals(2, publish.exit());
        assertEquals(List.of("profgate: error: GitHub API POST /repos/acme/payments/check-runs (create the check run):"
                + " HTTP 500: Server Error; GitHub failed, run the job again"), publish.stderr().lines().toList());
        assertEquals(ActionRunner.ARTIFACT_URL, run.outputs().get("artifact-url"), "the report was uploaded");
        GitHubErrorsTest.assertTokenAbsent(run.allText(), "the steps' output");
    }

    @Test
    void anUnknownModeStopsBeforeAnythingIsUploadedOrPublished() throws Exception {
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch).run(Map.of("mode", "banana"));
        assertEquals(2, run.steps().get("run").exit());
        assertEquals("::error title=profgate::input 'mode' is 'banana'; use compare, bench or deploy",
                run.steps().get("run").stdout().strip());
        assertEquals("skipped", run.steps().get("upload").outcome());
        assertEquals("skipped", run.steps().get("publish").outcome());
        assertEquals(List.of(), github.requests());
        assertFalse(Files.exists(workspace.resolve("profgate-report")));
    }

    @Test
    void aReleaseRefDownloadsTheJarChecksItRunsItAndNextTimeTakesItFromTheToolCacheWithoutARequest() throws Exception {
        byte[] jar = pathingJar();
        Path root = releaseCheckout(scratch.resolve("action"), jar);
        Path cache = scratch.resolve("tool-cache/profgate/" + VERSION);
        try (ReleaseServer releases = new ReleaseServer(DOWNLOAD, jar)) {
            ActionRunner.Run first = runner(root, "first").env("PROFGATE_RELEASE_SERVER", releases.url()).run(INPUTS);
            ActionRunner.Step build = first.steps().get("build");
            assertEquals("success", build.outcome(), build.stdout() + build.stderr());
            assertEquals(List.of("GET " + DOWNLOAD, "GET /github-production-release-asset/1234/5678?sp=r&sv=2018-11-09"
                    + "&sig=c2lnbmVk"), releases.requests(), "GitHub's redirect to the asset host followed");
            assertArrayEquals(jar, Files.readAllBytes(cache.resolve("x64/" + JAR_NAME)));
            assertTrue(Files.exists(cache.resolve("x64.complete")), "the tool cache's marker");
            assertEquals(cache.resolve("x64/" + JAR_NAME).toString(), first.env().get("PROFGATE_CLASSPATH"));
            assertEquals("skipped", first.steps().get("maven-cache").outcome());
            assertEquals("skipped", first.steps().get("setup-java").outcome());
            assertEquals("fail", first.outputs().get("verdict"), "the downloaded jar compared and published");

            ActionRunner.Run second = runner(root, "second").env("PROFGATE_RELEASE_SERVER", releases.url()).run(INPUTS);
            assertEquals(2, releases.requests().size(), "no request the second time: " + releases.requests());
            assertTrue(second.steps().get("build").stdout().contains("profgate: " + JAR_NAME + " from the tool cache"),
                    second.steps().get("build").stdout());
            assertEquals("fail", second.outputs().get("verdict"));
        }
    }

    @Test
    void aTamperedJarIsRefusedWithOneLineAndExitTwoAndNothingIsCached() throws Exception {
        byte[] jar = pathingJar();
        byte[] tampered = jar.clone();
        tampered[tampered.length / 2] ^= 1;
        Path root = releaseCheckout(scratch.resolve("action"), jar);
        try (ReleaseServer releases = new ReleaseServer(DOWNLOAD, tampered)) {
            ActionRunner.Run run = runner(root, "tampered").env("PROFGATE_RELEASE_SERVER", releases.url()).run(INPUTS);
            ActionRunner.Step build = run.steps().get("build");
            assertEquals(2, build.exit());
            assertEquals(List.of("::error title=profgate::" + JAR_NAME + " downloaded from " + releases.url() + DOWNLOAD
                    + " has SHA-256 " + sha256(tampered) + ", but github-action/release.properties says "
                    + sha256(jar) + ": not used"),
                    build.stdout().lines().filter(l -> l.startsWith("::")).toList());
            assertEquals("", build.stderr());
            assertFalse(Files.exists(scratch.resolve("tool-cache/profgate")), "nothing in the tool cache");
            try (var left = Files.list(scratch.resolve("tampered/runner-temp"))) {
                assertEquals(List.of(), left.toList(), "the download is removed");
            }
            assertEquals("skipped", run.steps().get("run").outcome());
            assertEquals("skipped", run.steps().get("publish").outcome());
        }
    }

    @Test
    void aRefWithoutAReleaseBuildsFromSourceWithMavenCachedByThePomsUsingAStandInMavenWrapper() throws Exception {
        Path root = sourceCheckout(scratch.resolve("action"));
        ActionRunner.Run run = runner(root, "source").run(INPUTS);
        ActionRunner.Step build = run.steps().get("build");
        assertEquals("success", build.outcome(), build.stdout() + build.stderr());
        String prepare = run.steps().get("prepare").stdout();
        assertTrue(prepare.contains("profgate: no release of the action at this ref (no "
                + "github-action/release.properties): profgate is built from source"), prepare);
        String mavenHome = System.getenv("HOME") + "/.m2/profgate";
        String poms = Files.readString(PublishFixtures.REPO.resolve("pom.xml"))
                + Files.readString(PublishFixtures.REPO.resolve("detector/pom.xml"))
                + Files.readString(PublishFixtures.REPO.resolve(".mvn/wrapper/maven-wrapper.properties"));
        assertEquals(Map.of("path", mavenHome, "key", "profgate-maven-Linux-" + sha256(poms.getBytes(
                StandardCharsets.UTF_8)), "restore-keys", "profgate-maven-Linux-"), run.used().get("actions/cache"));
        assertEquals(List.of("-B", "--no-transfer-progress", "-Dmaven.repo.local=" + mavenHome + "/repository", "-pl",
                "detector", "-am", "package", "-DskipTests", "JAVA_HOME=" + javaHome(), "MAVEN_USER_HOME=" + mavenHome),
                Files.readAllLines(root.resolve("mvnw.called")));
        assertTrue(build.stdout().contains("[INFO] BUILD SUCCESS\nprofgate: built detector/target/profgate.jar in "),
                build.stdout());
        assertEquals(root.resolve("detector/target/profgate.jar").toString(), run.env().get("PROFGATE_CLASSPATH"));
        assertEquals("fail", run.outputs().get("verdict"), "the built jar compared and published");
    }

    @Test
    void aReleaseFileOfAnotherVersionThanThePomMeansNoRelease() throws Exception {
        Path root = sourceCheckout(scratch.resolve("action"));
        Files.writeString(root.resolve("github-action/release.properties"), release(pathingJar()));
        ActionRunner.Run run = runner(root, "other").run(INPUTS);
        assertTrue(run.steps().get("prepare").stdout().contains("(github-action/release.properties is for " + VERSION
                + ", this checkout's POM for "), run.steps().get("prepare").stdout());
        assertEquals("success", run.steps().get("maven-cache").outcome());
        assertTrue(Files.exists(root.resolve("mvnw.called")), "built from source");
    }

    @Test
    void javaOlderThan17InJavaHomeAndOnPathMakesSetupJavaInstallOneForProfgatesStepsOnly() throws Exception {
        Path root = sourceCheckout(scratch.resolve("action"));
        Path java11 = fakeJava(scratch.resolve("jdk-11"), "11.0.2", false);
        Path java8 = fakeJava(scratch.resolve("jdk-8"), "1.8.0_292", false);
        ActionRunner.Run run = runner(root, "old").env("JAVA_HOME", java11.toString())
                .env("PATH", java8.resolve("bin") + File.pathSeparator + System.getenv("PATH")).run(INPUTS);
        assertEquals(List.of("profgate: " + java11 + "/bin/java is Java 11; profgate needs 17 or later",
                "profgate: " + java8 + "/bin/java is Java 8; profgate needs 17 or later",
                "profgate: actions/setup-java installs Java for profgate's steps only (not the job's JAVA_HOME or "
                        + "PATH)"),
                run.steps().get("prepare").stdout().lines().filter(l -> l.contains("Java")).toList());
        assertEquals(Map.of("distribution", "temurin", "java-version", "17", "set-default", "false", "settings-path",
                scratch.resolve("old/runner-temp/profgate-setup-java").toString(), "overwrite-settings", "false",
                "show-download-progress", "true"), run.used().get("actions/setup-java"));
        assertEquals(JAVA, run.env().get("PROFGATE_JAVA"), "setup-java's Java runs profgate");
        assertEquals(java11.toString(), run.env().get("JAVA_HOME"), "the job's JAVA_HOME is left alone");
        assertTrue(Files.readAllLines(root.resolve("mvnw.called")).contains("JAVA_HOME=" + javaHome()),
                "Maven builds with setup-java's Java");
        assertEquals("fail", run.outputs().get("verdict"));
    }

    @Test
    void java17OrLaterOnPathIsUsedAndNoJavaIsSetUp() throws Exception {
        Path root = sourceCheckout(scratch.resolve("action"));
        Path java21 = fakeJava(scratch.resolve("jdk-21"), "21.0.1", true);
        ActionRunner.Run run = runner(root, "new").env("JAVA_HOME", null)
                .env("PATH", java21.resolve("bin") + File.pathSeparator + System.getenv("PATH")).run(INPUTS);
        assertTrue(run.steps().get("prepare").stdout().contains("profgate: Java 21 at " + java21 + "/bin/java\n"));
        assertEquals("skipped", run.steps().get("setup-java").outcome());
        assertEquals(java21 + "/bin/java", run.env().get("PROFGATE_JAVA"));
        assertTrue(Files.readAllLines(root.resolve("mvnw.called")).contains("JAVA_HOME=" + java21.toRealPath()));
        assertEquals("fail", run.outputs().get("verdict"), "profgate ran on that java");
    }

    /** A runner of the action in the checkout {@code root}, its build step included, files in {@code name}. */
    private ActionRunner runner(Path root, String name) throws IOException {
        return new ActionRunner(github, workspace, scratch.resolve(name)).at(root).building()
                .env("RUNNER_TOOL_CACHE", scratch.resolve("tool-cache").toString());
    }

    /**
     * A copy of the action's checkout as the runner downloads it (action.yml, the entry script, the POMs and the
     * Maven wrapper's settings) whose {@code mvnw} stands in for Maven: it records its arguments and environment in
     * {@code mvnw.called} and "builds" detector/target/profgate.jar, a {@link #pathingJar()}.
     */
    private static Path sourceCheckout(Path root) throws IOException {
        for (String file : List.of("github-action/action.yml", "github-action/profgate-action.sh", "pom.xml",
                "detector/pom.xml", ".mvn/wrapper/maven-wrapper.properties")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.copy(PublishFixtures.REPO.resolve(file), root.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path jar = Files.write(root.resolve("stand-in.jar"), pathingJar());
        Path mvnw = Files.writeString(root.resolve("mvnw"), "#!/usr/bin/env bash\n"
                + "{ printf '%s\\n' \"$@\"; echo \"JAVA_HOME=$JAVA_HOME\"; echo \"MAVEN_USER_HOME=$MAVEN_USER_HOME\"; }"
                + " >mvnw.called\n"
                + "mkdir -p detector/target && cp '" + jar + "' detector/target/profgate.jar\n"
                + "echo '[INFO] BUILD SUCCESS'\n");
        assertTrue(mvnw.toFile().setExecutable(true));
        return root;
    }

    /** A checkout of release {@link #VERSION} of the action whose release file gives the SHA-256 of {@code jar}. */
    private static Path releaseCheckout(Path root, byte[] jar) throws IOException {
        sourceCheckout(root);
        Path pom = root.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceFirst("(?m)^  <version>.*</version>$",
                "  <version>" + VERSION + "</version>"));
        Files.writeString(root.resolve("github-action/release.properties"), release(jar));
        return root;
    }

    /** The release file as the release workflow writes it, for {@code jar}. */
    private static String release(byte[] jar) {
        return "# the jar of this release of the action\nrepository=acme/profgate\nversion=" + VERSION + "\nsha256="
                + sha256(jar) + "\n";
    }

    /**
     * A real jar that runs this build's profgate: empty but for its manifest, whose Class-Path is the test classpath
     * (the fat jar is made after the tests, in the package phase).
     */
    private static byte[] pathingJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty(
                "java.class.path").split(File.pathSeparator)).map(p -> Path.of(p).toUri().toString())
                .collect(Collectors.joining(" ")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    /**
     * A JDK home whose bin/java says it is {@code version}, and otherwise runs this JVM ({@code runs}) or fails, as
     * an old JDK fails on profgate's classes.
     */
    private static Path fakeJava(Path home, String version, boolean runs) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "if [[ $1 == -version ]]; then\n"
                + "  echo 'openjdk version \"" + version + "\" 2019-01-15' >&2\n"
                + "  exit 0\n"
                + "fi\n"
                + (runs ? "exec '" + JAVA + "' \"$@\"\n" : "exit 1\n"));
        assertTrue(java.toFile().setExecutable(true));
        return home;
    }

    /** This JVM's home, symbolic links resolved. */
    private static Path javaHome() throws IOException {
        return Path.of(System.getProperty("java.home")).toRealPath();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<GitHubApiMock.Request> concat(List<GitHubApiMock.Request> a, List<GitHubApiMock.Request> b) {
        List<GitHubApiMock.Request> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
