package dev.profgate.jenkins.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import dev.profgate.jenkins.ReportSummary;
import dev.profgate.jenkins.SafeSvg;
import dev.profgate.jenkins.Verdict;
import hudson.model.Result;
import hudson.util.Secret;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin in a real Jenkins (JenkinsRule): the step runs the real profgate jar (built by the detector module
 * earlier in the reactor) on the demo's recorded profiles, the build shows the report and the job the trend.
 * Runs only where repo.jenkins-ci.org is reachable (profile jenkins-plugin).
 */
@WithJenkins
class ProfgateStepJenkinsTest {
    static final Path REPO = Path.of(System.getProperty("profgate.repo", "../..")).toAbsolutePath().normalize();
    static final String JAR = Path.of(System.getProperty("profgate.jar", REPO + "/detector/target/profgate.jar"))
            .toAbsolutePath().toString();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String BASE = REPO.resolve("baselines/demo/base").toString();
    static final String HEAD = REPO.resolve("baselines/demo/head").toString();

    @TempDir
    Path temp;

    @Test
    void aRegressionMarksTheBuildUnstableAndTheBuildShowsFindingsAndFlameGraph(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "gate");
        job.setDefinition(compare(HEAD, "fail"));

        WorkflowRun build = r.buildAndAssertStatus(Result.UNSTABLE, job);

        ReportSummary kept = ReportSummary.read(new File(build.getRootDir(), "profgate").toPath());
        assertEquals(Verdict.FAIL, kept.verdict());
        r.assertLogContains("verdict=fail regressions=" + kept.regressions() + " result=UNSTABLE", build);
        ProfgateBuildAction action = build.getAction(ProfgateBuildAction.class);
        assertEquals(kept, action.getSummary());
        try (JenkinsRule.WebClient web = r.createWebClient()) {
            HtmlPage page = web.getPage(build, "profgate");
            assertTrue(page.asNormalizedText().contains("java.util.regex.Pattern.compile"), page.asNormalizedText());
            assertTrue(page.asNormalizedText().contains("java-regex-compile-per-call"));
            assertNotNull(page.getElementById("profgate-flamegraph"));
            Page svg = web.goTo(build.getUrl() + "profgate/flamegraph", "image/svg+xml");
            assertEquals(SafeSvg.HEADERS.get("Content-Security-Policy"),
                    svg.getWebResponse().getResponseHeaderValue("Content-Security-Policy"));
            assertEquals(Files.readString(new File(build.getRootDir(), "profgate/flamegraph.svg").toPath()),
                    svg.getWebResponse().getContentAsString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSameProfilesOnBothSidesPass(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "pass");
        job.setDefinition(compare(BASE, "warn"));

        WorkflowRun build = r.buildAndAssertSuccess(job);

        r.assertLogContains("verdict=pass regressions=0 result=SUCCESS", build);
    }

    @Test
    void anErrorOfProfgateFailsTheBuildWithItsMessage(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "broken");
        job.setDefinition(compare(temp.resolve("missing").toString(), "fail"));

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("profgate compare failed (exit 2): profgate: error: " + temp.resolve("missing"), build);
    }

    @Test
    void theJobShowsTheTrendOfVerdictsAndTopRegressions(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "trend");
        job.setDefinition(compare(BASE, "fail"));
        r.buildAndAssertSuccess(job);
        job.setDefinition(compare(HEAD, "fail"));
        r.buildAndAssertStatus(Result.UNSTABLE, job);

        ProfgateProjectAction trend = job.getAction(ProfgateProjectAction.class);
        assertEquals(2, trend.getTrend().builds().size());
        assertEquals("java.util.regex.Pattern.compile", trend.getTopRegressions().get(0).function());
        try (JenkinsRule.WebClient web = r.createWebClient()) {
            assertNotNull(web.getPage(job).getElementById("profgate-trend"));
            Page svg = web.goTo(job.getUrl() + "profgate/trend", "image/svg+xml");
            assertTrue(svg.getWebResponse().getContentAsString().contains("#2 fail"));
            assertTrue(web.getPage(job, "profgate").asNormalizedText().contains("java.util.regex.Pattern.compile"));
        }
    }

    @Test
    void aBoundPyroscopeTokenReachesProfgateOnlyThroughItsEnvironment(JenkinsRule r) throws Exception {
        String secret = "psx-7c1e0b9a";
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "pyroscope-token", "", Secret.fromString(secret)));
        Path seen = temp.resolve("token-seen");
        Path launcher = temp.resolve("profgate");
        Files.writeString(launcher, "#!/bin/sh\nprintf '%s' \"$PYROSCOPE_TOKEN\" >'" + seen + "'\n"
                + "echo \"profgate: error: args $*\" >&2\nexit 2\n");
        Files.setPosixFilePermissions(launcher, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  withCredentials([string(credentialsId: 'pyroscope-token', variable: 'PYROSCOPE_TOKEN')]) {\n"
                + "    profgate(mode: 'deploy', pyroscopeUrl: 'http://127.0.0.1:9', launcher: '" + launcher + "',\n"
                + "             pyroscopeTokenVariable: 'PYROSCOPE_TOKEN')\n"
                + "  }\n}", true));

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        assertEquals(secret, Files.readString(seen));
        r.assertLogContains("--token-env PYROSCOPE_TOKEN", build);
        r.assertLogNotContains(secret, build);
    }

    private static CpsFlowDefinition compare(String head, String failOn) {
        return new CpsFlowDefinition("node {\n"
                + "  def gate = profgate(base: ['" + BASE + "'], head: ['" + head + "'], failOn: '" + failOn + "',\n"
                + "                      jar: '" + JAR + "', java: '" + JAVA + "')\n"
                + "  echo \"verdict=${gate.verdict} regressions=${gate.regressions} result=${gate.result}\"\n"
                + "}", true);
    }
}
