package dev.profgate.cli;

import dev.profgate.base.Progress;
import dev.profgate.compare.CompareResult;
import dev.profgate.config.Settings;
import dev.profgate.deploy.DeployCheckRequest;
import dev.profgate.deploy.DeploySides;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code profgate deploy-check}: fetch profiles before and after a deploy (or of two label selections) from
 * Pyroscope or Parca, compare them and gate on the verdict, as {@link DeployCheckRequest} builds the run.
 */
@Command(name = "deploy-check", mixinStandardHelpOptions = true,
        description = "Fetch base and head profiles from Pyroscope or Parca (around --deployed-at, or by label over "
                + "--from/--to), compare them and gate on the verdict. The server, selector, window, credential and "
                + "link options may also be set in the deploy section of profgate.yml; a flag wins. --out gets every "
                + "report compare writes. Exit codes: 0 pass, 1 regression, 2 bad input, usage or an unusable server.")
final class DeployCheckCommand extends BaseCommand {
    @Mixin
    private DeploySettingsMixin flags;

    @Option(names = "--base", paramLabel = "SELECTOR", description = "Base side's selector (default: --selector).")
    private String baseSelector;
    @Option(names = "--head", paramLabel = "SELECTOR", description = "Head side's selector (default: --selector).")
    private String headSelector;
    @Option(names = "--from", paramLabel = "TIME", description = "Start of both sides' range in label mode "
            + "(ISO 8601, Unix seconds, now-2h; default: now-1h).")
    private String from;
    @Option(names = "--to", paramLabel = "TIME", description = "End of that range (default: now).")
    private String to;
    @Option(names = "--deployed-at", paramLabel = "TIME",
            description = "Deploy time: base is the --window before it, head the --window after --gap.")
    private String deployedAt;

    @Mixin
    private ConfigMixin config;
    @Mixin
    private ReportDeliveryMixin delivery;
    @Mixin
    private AttributionMixin attribution;

    @Override
    public Integer call() {
        delivery.requireFolder();
        Settings settings = config.settings();
        DeployCheckRequest request = new DeployCheckRequest(flags.given(),
                new DeploySides(deployedAt, from, to, baseSelector, headSelector),
                flags.secrets());
        CompareResult compared = request.prepare(settings, delivery.folder(), delivery.gate, Instant.now())
                .compare(Progress.to(err()));
        return attribution.deliver(compared, delivery, err());
    }
}
