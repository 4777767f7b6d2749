package dev.profgate.jenkins.plugin;

import dev.profgate.jenkins.BuildResult;
import dev.profgate.jenkins.ProfgateCommand;
import dev.profgate.jenkins.ReportSummary;
import dev.profgate.jenkins.RunFailure;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.io.output.TeeOutputStream;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs profgate on the agent, keeps its report with the build (the {@link ProfgateBuildAction} page), and sets the
 * result: UNSTABLE (build and stage) when the verdict fails the gate, an error when profgate wrote no report.
 * Returns the verdict and counts of {@link ReportSummary#toMap()} plus {@code exitCode}, {@code reportDir} and
 * {@code result}.
 */
final class ProfgateStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    private final transient ProfgateStep step;

    ProfgateStepExecution(ProfgateStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        ProfgateCommand command;
        try {
            command = step.command();
            command.commandLine();
        } catch (IllegalArgumentException e) {
            throw new AbortException("profgate: " + e.getMessage());
        }
        FilePath workspace = getContext().get(FilePath.class);
        TaskListener listener = getContext().get(TaskListener.class);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = getContext().get(Launcher.class).launch().cmds(command.commandLine())
                .envs(getContext().get(EnvVars.class)).pwd(workspace).stdout(listener)
                .stderr(new TeeOutputStream(listener.getLogger(), stderr)).join();
        FilePath reportDir = workspace.child(command.out());
        FilePath reportJson = reportDir.child(ReportSummary.REPORT_JSON);
        if (!BuildResult.wroteReport(exitCode) || !reportJson.exists()) {
            throw new AbortException(RunFailure.message(step.getMode(), exitCode,
                    stderr.toString(StandardCharsets.UTF_8)));
        }
        ReportSummary summary = ReportSummary.parse(reportJson.readToString(), reportJson.getRemote());
        Run<?, ?> run = getContext().get(Run.class);
        reportDir.copyRecursiveTo(ProfgateBuildAction.KEPT_FILES, new FilePath(new File(run.getRootDir(),
                ProfgateBuildAction.DIR)));
        run.addOrReplaceAction(new ProfgateBuildAction());
        BuildResult result = BuildResult.of(summary.verdict(), step.failOn());
        if (result == BuildResult.UNSTABLE) {
            markUnstable(run, listener, "profgate: verdict " + summary.verdict().label() + " fails the gate (failOn: "
                    + step.getFailOn() + ")");
        }
        Map<String, Object> returned = new LinkedHashMap<>(summary.toMap());
        returned.put("exitCode", exitCode);
        returned.put("reportDir", command.out());
        returned.put("result", result.name());
        return returned;
    }

    private void markUnstable(Run<?, ?> run, TaskListener listener, String message) throws Exception {
        listener.getLogger().println(message);
        run.setResult(Result.UNSTABLE);
        FlowNode node = getContext().get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
    }
}
