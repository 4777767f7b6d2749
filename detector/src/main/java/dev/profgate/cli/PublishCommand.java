package dev.profgate.cli;

import picocli.CommandLine.Command;

/** {@code profgate publish github}: publish a finished report folder. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish a finished report folder (written by any profgate command's --out).",
        subcommands = {PublishGitHubCommand.class})
final class PublishCommand {
}
