package dev.profgate.jenkins.plugin;

import dev.profgate.jenkins.BuildReport;
import dev.profgate.jenkins.RegressionTrend;
import dev.profgate.jenkins.ReportSummary;
import dev.profgate.jenkins.TrendSvg;
import dev.profgate.jenkins.VerdictTrend;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** The job's profgate trend: verdicts of the newest builds as a chart, and the functions that regressed most. */
public final class ProfgateProjectAction implements Action {
    /** Functions listed on the trend page. */
    static final int TOP = 10;
    private final Job<?, ?> job;

    ProfgateProjectAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return ProfgateBuildAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return "profgate trend";
    }

    @Override
    public String getUrlName() {
        return ProfgateBuildAction.DIR;
    }

    /** The newest builds with a readable report, at most as many as the chart draws. */
    public VerdictTrend getTrend() {
        List<BuildReport> builds = new ArrayList<>();
        for (Run<?, ?> build : job.getBuilds()) {
            if (builds.size() == TrendSvg.MAX_BUILDS) {
                break;
            }
            ProfgateBuildAction action = build.getAction(ProfgateBuildAction.class);
            ReportSummary summary = action == null ? null : action.getSummary();
            if (summary != null) {
                builds.add(new BuildReport(build.getNumber(), summary));
            }
        }
        return new VerdictTrend(builds);
    }

    /** The functions regressed in the most builds of the trend. */
    public List<RegressionTrend> getTopRegressions() {
        return getTrend().topRegressions(TOP);
    }

    /** The trend chart as a static SVG image. */
    public void doTrend(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        ProfgateBuildAction.serveSvg(response, TrendSvg.render(getTrend()));
    }
}
