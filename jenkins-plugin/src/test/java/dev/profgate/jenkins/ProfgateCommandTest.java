package dev.profgate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.cli.Main;
import dev.profgate.jenkins.ProfgateCommand.Mode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin step's command line: what the real CLI accepts, how the program is chosen, what is refused. */
class ProfgateCommandTest {
    static final Path JAR = Path.of(System.getProperty("profgate.jar", "../detector/target/profgate.jar"));

    @TempDir
    Path temp;

    @Test
    void theRealCliAcceptsACompareCommandAndWritesTheReportWhereItSays() throws IOException {
        Path policy = RealReports.warnOnlyPolicy(temp);
        ProfgateCommand command = new ProfgateCommand(Mode.COMPARE).base(List.of(RealReports.BASE.toString()))
                .head(List.of(RealReports.HEAD.toString())).config(policy.toString()).gate("cpu")
                .failOn(FailOn.WARN).out(temp.resolve("out").toString());

        StringWriter err = new StringWriter();
        int exit = Main.getCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(command.arguments().toArray(String[]::new));

        assertEquals(1, exit, err::toString);
        assertEquals(Verdict.WARN, ReportSummary.read(Path.of(command.out())).verdict());
    }

    @Test
    void theJarCommandLineRunsAsAProcess() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "needs the profgate jar (./mvnw verify builds it first)");
        ProfgateCommand command = new ProfgateCommand(Mode.COMPARE).base(List.of(RealReports.BASE.toString()))
                .head(List.of(RealReports.HEAD.toString())).out(temp.resolve("out").toString())
                .jar(JAR.toString()).java(Path.of(System.getProperty("java.home"), "bin", "java").toString());

        Process process = new ProcessBuilder(command.commandLine()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("log").toFile()).start();

        assertEquals(true, process.waitFor(5, TimeUnit.MINUTES));
        assertEquals(1, process.exitValue(), () -> read(temp.resolve("log")));
        assertEquals(Verdict.FAIL, ReportSummary.read(temp.resolve("out")).verdict());
    }

    @Test
    void theRealCliKnowsEveryDeployCheckFlagTheCommandPasses() {
        List<String> args = new ProfgateCommand(Mode.DEPLOY).pyroscopeUrl("https://pyroscope:4040").tenant("t")
                .profileType("cpu").selector("{service_name=\"api\"}").base(List.of("{version=\"1\"}"))
                .head(List.of("{version=\"2\"}")).deployedAt("2026-03-02T14:05:00Z").window("30m").gap("2m")
                .tokenEnv("PYRO_TOKEN").basicAuth("bob", "PYRO_PASSWORD").config("p.yml").gate("cpu")
                .extraArgs(List.of("--replicates", "4")).arguments();

        RealReports.assertCliAccepts(args);
    }

    @Test
    void benchRunsTheBenchmarksOnTheJvmGivenWhichTheRealCliChecksFirst() {
        Path jvm = temp.resolve("jdk-21");
        ProfgateCommand command = new ProfgateCommand(Mode.BENCH).base(List.of("main")).head(List.of("HEAD"))
                .jvm(jvm.toString()).extraArgs(List.of("--build", "./mvnw -q package", "--jar", "target/b.jar"));

        StringWriter err = new StringWriter();
        int exit = Main.getCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(command.arguments().toArray(String[]::new));

        assertEquals(List.of("bench", "--base-ref", "main", "--head-ref", "HEAD", "--jvm", jvm.toString()),
                command.arguments().subList(0, 7));
        assertEquals(2, exit, err::toString);
        assertEquals("profgate: error: --jvm " + jvm + ": no such file\n", err.toString());
    }

    @Test
    void aLauncherReplacesJavaAndTheJar() {
        ProfgateCommand command = new ProfgateCommand(Mode.BENCH).base(List.of("main")).head(List.of("HEAD"))
                .jar("ignored.jar").launcher(".profgate/bin/profgate");

        assertEquals(List.of(".profgate/bin/profgate", "bench", "--base-ref", "main", "--head-ref", "HEAD", "--out",
                "profgate-report", "--fail-on", "fail"), command.commandLine());
        assertEquals(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "p.jar", "bench", "--out",
                "profgate-report", "--fail-on", "fail"), new ProfgateCommand(Mode.BENCH).jar("p.jar").commandLine());
    }

    @Test
    void secretsAreNamedByTheirVariablesNeverGiven() {
        List<String> args = new ProfgateCommand(Mode.DEPLOY).pyroscopeUrl("https://pyroscope:4040")
                .tokenEnv("PYRO_TOKEN").basicAuth("bob", "PYRO_PASSWORD").arguments();

        assertEquals(List.of("deploy-check", "--url", "https://pyroscope:4040", "--token-env", "PYRO_TOKEN", "--user",
                "bob", "--password-env", "PYRO_PASSWORD", "--out", "profgate-report", "--fail-on", "fail"), args);
    }

    @Test
    void incompleteCommandsAreRefused() {
        assertEquals("compare needs base and head profiles", refusal(new ProfgateCommand(Mode.COMPARE)
                .base(List.of("a")).jar("p.jar")));
        assertEquals("deploy needs pyroscopeUrl", refusal(new ProfgateCommand(Mode.DEPLOY).jar("p.jar")));
        assertEquals("bench takes one base, not 2", refusal(new ProfgateCommand(Mode.BENCH)
                .base(List.of("a", "b")).jar("p.jar")));
        assertEquals("give the profgate jar (jar) or launcher (launcher)", refusal(new ProfgateCommand(Mode.BENCH)));
        assertEquals("jvm applies to mode bench only", refusal(new ProfgateCommand(Mode.COMPARE).base(List.of("a"))
                .head(List.of("b")).jvm("/opt/jdk-21").jar("p.jar")));
        assertEquals("mode is 'diff'; use compare, bench, deploy or watch",
                assertThrows(IllegalArgumentException.class, () -> Mode.of("diff")).getMessage());
        assertEquals(Mode.DEPLOY, Mode.of("Deploy"));
    }

    private static String refusal(ProfgateCommand command) {
        return assertThrows(IllegalArgumentException.class, command::commandLine).getMessage();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
