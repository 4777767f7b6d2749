package dev.profgate.cli;

import picocli.CommandLine.Option;

/**
 * Where a run's reports can be read once it is over, for the links of what profgate posts to GitHub: the sticky PR
 * comment and check run ({@link GitHubPublishMixin}) and watch's issues ({@link WatchPublishMixin}).
 */
final class ReportAddressMixin {
    @Option(names = "--artifact-url", paramLabel = "URL",
            description = "Address of the uploaded report artifact, linked from the comment, check run or issues.")
    String artifactUrl;

    @Option(names = "--report-url", paramLabel = "URL",
            description = "Address where the report folder is served (GitHub Pages, a bucket); the comment links its "
                    + "flame graph opened on the top culprit, watch's issues its report.md and charts.")
    String reportUrl;
}
