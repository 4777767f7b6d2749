package dev.profgate.cli;

import dev.profgate.publish.CommentMode;
import dev.profgate.publish.GitHubEnvironment;
import dev.profgate.publish.GitHubPublisher;
import dev.profgate.publish.PublishResult;
import dev.profgate.publish.PublishSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The publishing options shared by {@code publish github} and every gate command's {@code --github}: when to write the
 * PR comment and the report artifact's address. {@link #publish} posts a finished report folder and tells the user
 * what it did on standard error (warnings as GitHub Actions {@code ::warning::} commands when running in Actions).
 */
final class GitHubPublishMixin {
    @Option(names = "--comment", paramLabel = "always|on-change|never", defaultValue = "always",
            converter = CommentModeConverter.class,
            description = "Sticky PR comment: write it every run, only when it changed (and first only for warn or "
                    + "fail), or never (default: ${DEFAULT-VALUE}).")
    private CommentMode comment;

    @Mixin
    private ReportAddressMixin addresses;

    /** Publishes {@code reportDir}, with the gate failing as {@code failOn} says, using the process environment. */
    PublishResult publish(Path reportDir, FailOn failOn, PrintWriter err) {
        GitHubEnvironment env = GitHubEnvironment.from(System.getenv());
        PublishResult result = GitHubPublisher.publish(reportDir, env,
                new PublishSettings(comment, verdict -> failOn.exitCode(verdict) != 0, addresses.artifactUrl,
                        addresses.reportUrl));
        for (String warning : result.warnings()) {
            err.println(env.actions() ? "::warning title=profgate::" + escapeCommand(warning)
                    : "profgate: warning: " + warning);
        }
        err.println("profgate: GitHub: comment " + result.comment() + orEmpty(result.commentUrl()) + ", check run "
                + (result.checkRunUrl() == null ? "not created" : result.checkRunUrl()) + ", "
                + result.annotations() + " annotations");
        err.flush();
        return result;
    }

    private static String orEmpty(String url) {
        return url == null ? "" : " " + url;
    }

    /** A workflow command's message: {@code %}, CR and LF escaped as the runner expects. */
    static String escapeCommand(String message) {
        return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** {@code always}, {@code on-change} or {@code never} to {@link CommentMode}. */
    static final class CommentModeConverter implements picocli.CommandLine.ITypeConverter<CommentMode> {
        @Override
        public CommentMode convert(String value) {
            for (CommentMode mode : CommentMode.values()) {
                if (mode.name().replace('_', '-').equalsIgnoreCase(value.trim())) {
                    return mode;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not always, on-change or never");
        }
    }
}
