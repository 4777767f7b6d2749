package dev.profgate.cli;

import dev.profgate.attribution.AttributionRun;
import dev.profgate.compare.CompareResult;
import dev.profgate.publish.GitHubEnvironment;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --attribute} and its range, for compare and deploy-check: once the report is delivered, attributes each
 * regression to the commits (and, with {@code --github}, the pull requests) of {@code --base-ref..--head-ref}, as
 * {@link AttributionRun} does.
 */
final class AttributionMixin {
    @Option(names = "--attribute", description = "Attribute each regression to the commits and pull requests that "
            + "changed its code between --base-ref and --head-ref.")
    private boolean attribute;
    @Option(names = "--base-ref", paramLabel = "REV", description = "Commit before the change (default with --github "
            + "and --environment: the previous successful deployment's).")
    private String baseRef;
    @Option(names = "--head-ref", paramLabel = "REV", description = "Commit after the change (default: GITHUB_SHA "
            + "with --github, else HEAD).")
    private String headRef;
    @Mixin
    private RepoMixin repo;
    @Option(names = "--environment", paramLabel = "NAME", description = "GitHub deployment environment: base of the "
            + "range and where the deployment status goes.")
    private String environment;

    /**
     * Delivers {@code compared}'s report with {@code delivery} and, with {@code --attribute}, attributes its
     * regressions; returns the exit code of its verdict.
     */
    int deliver(CompareResult compared, ReportDeliveryMixin delivery, PrintWriter err) {
        int exit = delivery.deliver(compared.report());
        attributeIfAsked(compared, delivery, err);
        return exit;
    }

    private void attributeIfAsked(CompareResult compared, ReportDeliveryMixin delivery, PrintWriter err) {
        if (attribute) {
            GitHubEnvironment github = delivery.github ? GitHubEnvironment.from(System.getenv()) : null;
            new AttributionRun(baseRef, headRef, repo.dir(), environment, github).run(compared.report(),
                    compared.frames(), delivery.folder(), err);
        }
    }
}
