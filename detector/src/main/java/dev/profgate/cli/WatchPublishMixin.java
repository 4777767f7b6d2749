package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import dev.profgate.publish.GitHubEnvironment;
import dev.profgate.watch.DeployAttribution;
import dev.profgate.watch.Deploys;
import dev.profgate.watch.WatchIssues;
import dev.profgate.watch.WatchReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code watch} does with its change points beyond the report: attributes them to the deploys around them
 * ({@code --deploys}, the GitHub deployments of {@code --environment} or a version label on the server; with {@code --attribute} to the commits and
 * pull requests of the deploy, as {@link DeployAttribution} does) and keeps a GitHub issue per regression
 * ({@code --github}, as {@link WatchIssues} does).
 */
final class WatchPublishMixin {
    @Option(names = "--deploys", paramLabel = "FILE", description = "Deploys to attribute change points to: a line "
            + "'TIME VERSION' each (2026-03-06T04:00:00Z v1.4.2, or a commit).")
    private Path deploys;

    @Option(names = "--environment", paramLabel = "NAME", description = "Attribute change points to the successful "
            + "GitHub deployments to this environment (needs GITHUB_TOKEN).")
    private String environment;

    @Option(names = "--version-label", paramLabel = "NAME", description = "Attribute change points to the deploys "
            + "the server's label NAME shows (service_version, service_git_ref): wherever the value holding most "
            + "samples changes. Pyroscope only.")
    private String versionLabel;

    @Option(names = "--attribute", description = "Also attribute each regression to the commits and pull requests "
            + "between the deploy before it and its deploy (the versions must be commits or tags of --repo).")
    private boolean attribute;

    @Mixin
    private RepoMixin repo;

    @Option(names = "--github", description = "Keep a GitHub issue per regression: open it, update it on later runs, "
            + "close it when a run no longer sees the regression (GITHUB_TOKEN; repository: GITHUB_REPOSITORY or "
            + "--repository).")
    private boolean github;

    @Option(names = "--repository", paramLabel = "OWNER/NAME", description = "GitHub repository of the issues and "
            + "deployments (default: GITHUB_REPOSITORY).")
    private String repository;

    @Option(names = "--label", paramLabel = "NAME", defaultValue = "profgate-watch",
            description = "Label of the issues profgate keeps (default: ${DEFAULT-VALUE}).")
    private String label;

    @Mixin
    private ReportAddressMixin addresses;

    private GitHubEnvironment env;

    /**
     * Checks the options and reads the GitHub environment when it will be needed, so a missing token fails before
     * the analysis; {@code server}: whether the profiles come from a server, which {@code --version-label} needs.
     */
    void prepare(boolean server) {
        if (versionLabel != null && !server) {
            throw new BadInputException("--version-label", "reads the deploys from the server: give --url and "
                    + "--selector, or --deploys");
        }
        if (attribute && deploys == null && environment == null && versionLabel == null) {
            throw new BadInputException("--attribute", "needs the deploys: give --deploys, --environment or "
                    + "--version-label");
        }
        env = github || environment != null ? environment() : null;
    }

    /**
     * {@code report} with its change points attributed when deploys were given (after {@link #prepare}), those of
     * {@code --version-label} from {@code server}; warnings go to {@code err}.
     */
    WatchReport attribute(WatchReport report, PrintWriter err, Function<String, Deploys> server) {
        if (deploys == null && environment == null && versionLabel == null) {
            return report;
        }
        Deploys list = deploys != null ? Deploys.read(deploys) : environment != null
                ? Deploys.fromGitHub(env, environment) : server.apply(versionLabel);
        List<String> notes = new ArrayList<>();
        WatchReport attributed = new DeployAttribution(list, attribute ? repo.dir() : null, env)
                .attribute(report, notes);
        notes.forEach(note -> err.println("profgate: warning: " + note));
        return attributed;
    }

    /** With {@code --github}, opens, updates and closes the issues of {@code report}, telling {@code err}. */
    void publish(WatchReport report, PrintWriter err) {
        if (!github) {
            return;
        }
        WatchIssues.Result result = new WatchIssues(env, label, addresses.reportUrl, addresses.artifactUrl).publish(report);
        err.println("profgate: GitHub issues: " + numbers("opened", result.created()) + ", "
                + numbers("updated", result.updated()) + ", " + numbers("unchanged", result.unchanged()) + ", "
                + numbers("closed", result.closed()));
        err.flush();
    }

    private GitHubEnvironment environment() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        if (repository != null) {
            variables.put("GITHUB_REPOSITORY", repository);
        }
        return GitHubEnvironment.ofRepository(variables);
    }

    private static String numbers(String what, List<Integer> issues) {
        return issues.isEmpty() ? "none " + what : what + " #" + String.join(", #",
                issues.stream().map(String::valueOf).toList());
    }
}
