package dev.profgate.cli;

import picocli.CommandLine.Option;

/** The {@code --url} option: the profiling server that deploy-check and quarterly query. */
final class ServerUrlMixin {
    @Option(names = {"--url", "--pyroscope-url"}, paramLabel = "URL",
            description = "The profiling server's base URL, e.g. http://pyroscope:4040.")
    String url;
}
