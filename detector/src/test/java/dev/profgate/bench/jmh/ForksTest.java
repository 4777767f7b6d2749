package dev.profgate.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Why a fork or a listing failed, in one line, from the output Java 17 and JMH 1.37 print (copied from real runs). */
class ForksTest {
    private static final TimedProcess.Outcome EXIT_1 = new TimedProcess.Outcome(1, false);
    private static final String NEWER = "has been compiled by a more recent version of the Java Runtime (class file "
            + "version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0";

    @Test
    void aMainClassForANewerJavaIsNamedWithTheCauseTheJvmIndentsBelowItsError() {
        List<String> log = List.of("Error: LinkageError occurred while loading main class app.Main",
                "\tjava.lang.UnsupportedClassVersionError: app/Main " + NEWER);
        assertEquals("Error: LinkageError occurred while loading main class app.Main: java.lang."
                + "UnsupportedClassVersionError: app/Main " + NEWER + "; run it on a newer Java with --jvm, exit "
                + "code 1",
                Forks.failure(EXIT_1, log));
    }

    @Test
    void aBenchmarkForANewerJavaFailsInJmhWithTheSameAdvice() {
        List<String> log = List.of("# Benchmark: app.B.run", "", "<failure>", "",
                "java.lang.UnsupportedClassVersionError: app/jmh_generated/B_run_jmhTest " + NEWER,
                "\tat java.base/java.lang.ClassLoader.defineClass1(Native Method)", "",
                "ERROR: org.openjdk.jmh.runner.RunnerException: Benchmark caught the exception",
                "\tat org.openjdk.jmh.runner.Runner.runBenchmarks(Runner.java:572)");
        assertEquals("benchmark failed: java.lang.UnsupportedClassVersionError: app/jmh_generated/B_run_jmhTest "
                + NEWER + "; run it on a newer Java with --jvm, exit code 1", Forks.failure(EXIT_1, log));
    }

    @Test
    void aStackFrameBelowAnErrorIsNoCause() {
        List<String> log = List.of("ERROR: org.openjdk.jmh.runner.RunnerException: no benchmarks",
                "\tat org.openjdk.jmh.runner.Runner.internalRun(Runner.java:309)");
        assertEquals("ERROR: org.openjdk.jmh.runner.RunnerException: no benchmarks, exit code 1",
                Forks.failure(EXIT_1, log));
    }
}
