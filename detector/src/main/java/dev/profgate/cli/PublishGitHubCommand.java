package dev.profgate.cli;

import dev.profgate.publish.PublishResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code profgate publish github --report DIR}: sticky PR comment, check run, job summary and step outputs. */
@Command(name = "github", mixinStandardHelpOptions = true,
        description = {"Publish a report folder to GitHub from a GitHub Actions step: the sticky PR comment, the "
                + "'profgate' check run with annotations on the regressed source lines, the job summary and the step "
                + "outputs. Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_EVENT_PATH, GITHUB_API_URL, "
                + "GITHUB_SERVER_URL, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT. A token that may not "
                + "write (pull requests from forks) gives a warning and the job summary only.",
                "Exit codes: 0 pass (or warn), 1 the report's verdict fails the gate (--fail-on), 2 bad input or a "
                        + "GitHub API error."})
final class PublishGitHubCommand extends BaseCommand {
    @Option(names = "--report", required = true, paramLabel = "DIR",
            description = "Report folder with report.md and report.json.")
    private Path report;

    @Mixin
    private FailOnMixin failOn;

    @Mixin
    private GitHubPublishMixin github;

    @Override
    public Integer call() {
        PublishResult result = github.publish(report, failOn.value, err());
        return failOn.value.exitCode(result.verdict());
    }
}
