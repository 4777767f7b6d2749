package dev.profgate.jenkins.plugin;

import dev.profgate.jenkins.BadReportException;
import dev.profgate.jenkins.Finding;
import dev.profgate.jenkins.ReportSummary;
import dev.profgate.jenkins.SafeSvg;
import hudson.model.Action;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A build's profgate report: verdict, findings and the static SVG flame graph, from the report files kept in the
 * build's folder (nothing else is stored in build.xml). Also the job's trend ({@link ProfgateProjectAction}).
 */
public final class ProfgateBuildAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    /** Folder under the build's root folder holding the kept report files. */
    static final String DIR = "profgate";
    /** The report files kept with the build (an Ant pattern). */
    static final String KEPT_FILES = "report.json,report.md,flamegraph.svg";
    /** The plugin's icon, for this action and the job's trend. */
    static final String ICON = "/plugin/profgate/images/profgate.svg";
    private static final String SVG = "flamegraph.svg";

    private transient Run<?, ?> run;
    private transient ReportSummary summary;

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        ReportSummary report = getSummary();
        return report == null ? "profgate" : "profgate: " + report.verdict().label();
    }

    @Override
    public String getUrlName() {
        return DIR;
    }

    /** The report, or null when its files are gone or unreadable. */
    public synchronized ReportSummary getSummary() {
        if (summary == null) {
            try {
                summary = ReportSummary.read(folder().toPath());
            } catch (BadReportException e) {
                return null;
            }
        }
        return summary;
    }

    /** The findings in the report's order. */
    public List<Finding> getFindings() {
        ReportSummary report = getSummary();
        return report == null ? List.of() : report.findings();
    }

    /** The flame graph as an image: served only when static, with a script-free sandbox policy. */
    public void doFlamegraph(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        run.checkPermission(Run.ARTIFACTS);
        File file = new File(folder(), SVG);
        String svg = file.isFile() ? Files.readString(file.toPath(), StandardCharsets.UTF_8) : "";
        serveSvg(response, svg);
    }

    /** Writes {@code svg} as a static image response, or 404 when it is missing or not static. */
    static void serveSvg(StaplerResponse2 response, String svg) throws IOException {
        if (!SafeSvg.isStatic(svg)) {
            response.sendError(404);
            return;
        }
        SafeSvg.HEADERS.forEach(response::setHeader);
        response.setContentType(SafeSvg.CONTENT_TYPE);
        response.getOutputStream().write(svg.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new ProfgateProjectAction(run.getParent()));
    }

    private File folder() {
        return new File(run.getRootDir(), DIR);
    }
}
