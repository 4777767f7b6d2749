package dev.profgate.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.jenkins.FailOn;
import dev.profgate.jenkins.ProfgateCommand;
import dev.profgate.jenkins.ProfgateCommand.Mode;
import dev.profgate.jenkins.RealReports;
import dev.profgate.jenkins.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library step and the plugin's {@link ProfgateCommand} give profgate the same arguments for the same
 * parameters, and the step's shell quoting delivers every value unchanged, whatever characters it holds.
 */
class ProfgateArgumentsTest {
    static final String AWKWARD = "it's a \"glob\" $HOME `id` \\ *.pb.gz";

    @TempDir
    Path temp;
    PipelineHarness pipeline;
    FakeProfgate fake;

    @BeforeEach
    void setUp() throws Exception {
        pipeline = new PipelineHarness(Files.createDirectories(temp.resolve("ws")));
        fake = FakeProfgate.launcher(temp, RealReports.folder(Verdict.PASS), 0);
    }

    @Test
    void compareSidesConfigGateAndExtraArgumentsArriveUnchanged() throws Exception {
        List<String> received = run(Map.of("base", List.of("base/*.pb.gz", AWKWARD), "head", "head dir/",
                "config", "ci/profgate.yml", "gate", "cpu gate", "failOn", "warn", "out", "out/" + AWKWARD,
                "args", List.of("--type", AWKWARD)));

        assertEquals(new ProfgateCommand(Mode.COMPARE).base(List.of("base/*.pb.gz", AWKWARD)).head(List.of("head dir/"))
                .config("ci/profgate.yml").gate("cpu gate").failOn(FailOn.WARN).out("out/" + AWKWARD)
                .extraArgs(List.of("--type", AWKWARD)).arguments(), received);
        assertEquals(List.of("compare", "--base", "base/*.pb.gz", AWKWARD, "--head", "head dir/"),
                received.subList(0, 6));
        RealReports.assertCliAccepts(received);
    }

    @Test
    void benchTakesTheRevisionsAndTheJvmOfTheBenchmarks() throws Exception {
        List<String> received = run(Map.of("mode", "bench", "base", "origin/main", "head", "HEAD",
                "jvm", "/opt/" + AWKWARD, "args", List.of("--build", "./mvnw -q package", "--jar",
                        "target/benchmarks.jar")));

        assertEquals(new ProfgateCommand(Mode.BENCH).base(List.of("origin/main")).head(List.of("HEAD"))
                .jvm("/opt/" + AWKWARD).extraArgs(List.of("--build", "./mvnw -q package", "--jar",
                        "target/benchmarks.jar")).arguments(), received);
        assertEquals(List.of("bench", "--base-ref", "origin/main", "--head-ref", "HEAD", "--jvm", "/opt/" + AWKWARD),
                received.subList(0, 7));
        RealReports.assertCliAccepts(received);
    }

    @Test
    void deployTakesThePyroscopeOptionsAndNamesTheCredentialVariables() throws Exception {
        pipeline.credential("token", Map.of("secret", "s3cret"));
        pipeline.credential("basic", Map.of("username", "bob", "password", "pw"));
        List<String> received = run(Map.ofEntries(Map.entry("mode", "deploy"),
                Map.entry("pyroscopeUrl", "https://pyroscope:4040"), Map.entry("pyroscopeTenant", "team-a"),
                Map.entry("profileType", "cpu"), Map.entry("selector", "{service_name=\"api\"}"),
                Map.entry("base", "{version=\"v1\"}"), Map.entry("head", "{version=\"v2\"}"),
                Map.entry("deployedAt", "2026-03-02T14:05:00Z"), Map.entry("window", "30m"), Map.entry("gap", "2m"),
                Map.entry("pyroscopeCredentialsId", "token"), Map.entry("pyroscopeBasicCredentialsId", "basic")));

        assertEquals(new ProfgateCommand(Mode.DEPLOY).pyroscopeUrl("https://pyroscope:4040").tenant("team-a")
                .profileType("cpu").selector("{service_name=\"api\"}").base(List.of("{version=\"v1\"}"))
                .head(List.of("{version=\"v2\"}")).deployedAt("2026-03-02T14:05:00Z").window("30m").gap("2m")
                .tokenEnv("PROFGATE_PYROSCOPE_TOKEN").basicAuth("bob", "PROFGATE_PYROSCOPE_PASSWORD").arguments(),
                received);
        RealReports.assertCliAccepts(received);
    }

    @Test
    void watchTakesItsRangeAndDeploysAndTheGitHubRepositoryComesThroughTheEnvironment() throws Exception {
        pipeline.credential("github", Map.of("secret", "ghp_s3cret"));
        fake = FakeProfgate.launcher(temp, ExampleJenkinsfilesTest.watchReport(temp, "pass"), 0);
        List<String> received = run(Map.of("mode", "watch", "profiles", "week/" + AWKWARD, "from", "now-7d", "to",
                "now", "step", "1h", "deploys", AWKWARD, "githubCredentialsId", "github", "githubRepository",
                "acme/payments"));

        assertEquals(new ProfgateCommand(Mode.WATCH).profiles("week/" + AWKWARD).range("now-7d", "now").step("1h")
                .deploys(AWKWARD).github(true).arguments(), received);
        assertEquals(List.of("watch", "--profiles", "week/" + AWKWARD, "--from", "now-7d"), received.subList(0, 5));
        assertEquals("ghp_s3cret", fake.invocations().get(0).env("GITHUB_TOKEN"));
        assertEquals("acme/payments", fake.invocations().get(0).env("GITHUB_REPOSITORY"));
        RealReports.assertCliAccepts(received);
    }

    @Test
    void watchFromPyroscopeTakesTheServerOptionsAndTheVersionLabel() throws Exception {
        pipeline.credential("token", Map.of("secret", "s3cret"));
        fake = FakeProfgate.launcher(temp, ExampleJenkinsfilesTest.watchReport(temp, "pass"), 0);
        List<String> received = run(Map.of("mode", "watch", "pyroscopeUrl", "https://pyroscope:4040",
                "selector", "{service_name=\"api\"}", "from", "now-7d", "versionLabel", "service_version",
                "pyroscopeCredentialsId", "token"));

        assertEquals(new ProfgateCommand(Mode.WATCH).pyroscopeUrl("https://pyroscope:4040")
                .selector("{service_name=\"api\"}").tokenEnv("PROFGATE_PYROSCOPE_TOKEN").range("now-7d", null)
                .versionLabel("service_version").arguments(), received);
        assertEquals("s3cret", fake.invocations().get(0).env("PROFGATE_PYROSCOPE_TOKEN"));
        RealReports.assertCliAccepts(received);
    }

    private List<String> run(Map<String, Object> params) throws Exception {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("launcher", fake.program.toString());
        pipeline.runStep(all);
        return fake.invocations().get(0).args();
    }
}
