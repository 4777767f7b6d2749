package dev.profgate.cli;

import picocli.CommandLine.Option;

/** The {@code --fail-on} option: from which verdict on the exit code is 1 and a published check run fails. */
final class FailOnMixin {
    @Option(names = "--fail-on", paramLabel = "fail|warn|never", defaultValue = "fail",
            description = "Verdict from which the exit code is 1 and a published check run fails "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn value;
}
