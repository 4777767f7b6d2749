package dev.profgate.jenkins.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The step's parameters become the plain command line (no Jenkins needed). */
class ProfgateStepTest {
    @Test
    void parametersMapToTheCommandLine() {
        ProfgateStep step = new ProfgateStep();
        step.setMode("deploy");
        step.setPyroscopeUrl("https://pyroscope:4040");
        step.setPyroscopeTenant("team-a");
        step.setDeployedAt("2026-03-02T14:05:00Z");
        step.setPyroscopeTokenVariable("PYROSCOPE_TOKEN");
        step.setFailOn("warn");
        step.setLauncher(".profgate/bin/profgate");

        assertEquals(List.of(".profgate/bin/profgate", "deploy-check", "--url", "https://pyroscope:4040", "--tenant",
                "team-a", "--deployed-at", "2026-03-02T14:05:00Z", "--token-env", "PYROSCOPE_TOKEN", "--out",
                "profgate-report", "--fail-on", "warn"), step.command().commandLine());
    }

    @Test
    void benchTakesTheJvmOfTheBenchmarks() {
        ProfgateStep step = new ProfgateStep();
        step.setMode("bench");
        step.setBase(List.of("origin/main"));
        step.setHead(List.of("HEAD"));
        step.setJvm("/opt/jdk-21");
        step.setLauncher(".profgate/bin/profgate");

        assertEquals(List.of(".profgate/bin/profgate", "bench", "--base-ref", "origin/main", "--head-ref", "HEAD",
                "--jvm", "/opt/jdk-21", "--out", "profgate-report", "--fail-on", "fail"), step.command().commandLine());
    }
}
