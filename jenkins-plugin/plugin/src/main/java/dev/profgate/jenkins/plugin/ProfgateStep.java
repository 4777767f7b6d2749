package dev.profgate.jenkins.plugin;

import dev.profgate.jenkins.FailOn;
import dev.profgate.jenkins.ProfgateCommand;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code profgate} Pipeline step: its parameters are the shared-library step's and the GitHub Action's (lists
 * for {@code base}, {@code head} and {@code args}); secrets are named by the variables a surrounding
 * {@code withCredentials} binds ({@code pyroscopeTokenVariable}, {@code pyroscopePasswordVariable}).
 */
public final class ProfgateStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private String mode = "compare";
    private List<String> base = List.of();
    private List<String> head = List.of();
    private String config;
    private String gate;
    private String failOn = "fail";
    private String out = ProfgateCommand.DEFAULT_OUT;
    private List<String> args = List.of();
    private String jar = ".profgate/detector/target/profgate.jar";
    private String launcher;
    private String java;
    private String jvm;
    private String pyroscopeUrl;
    private String pyroscopeTenant;
    private String profileType;
    private String selector;
    private String deployedAt;
    private String window;
    private String gap;
    private String pyroscopeTokenVariable;
    private String pyroscopeUser;
    private String pyroscopePasswordVariable;

    @DataBoundConstructor
    public ProfgateStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ProfgateStepExecution(this, context);
    }

    /** The command line these parameters describe. */
    ProfgateCommand command() {
        return new ProfgateCommand(ProfgateCommand.Mode.of(mode)).base(base).head(head).config(config).gate(gate)
                .failOn(failOn()).out(out).extraArgs(args).jar(jar).launcher(launcher)
                .java(java == null ? "java" : java).jvm(jvm)
                .pyroscopeUrl(pyroscopeUrl).tenant(pyroscopeTenant).profileType(profileType).selector(selector)
                .deployedAt(deployedAt).window(window).gap(gap).tokenEnv(pyroscopeTokenVariable)
                .basicAuth(pyroscopeUser, pyroscopePasswordVariable);
    }

    FailOn failOn() {
        return FailOn.of(failOn);
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = mode;
    }

    public List<String> getBase() {
        return base;
    }

    @DataBoundSetter
    public void setBase(List<String> base) {
        this.base = List.copyOf(base);
    }

    public List<String> getHead() {
        return head;
    }

    @DataBoundSetter
    public void setHead(List<String> head) {
        this.head = List.copyOf(head);
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = config;
    }

    public String getGate() {
        return gate;
    }

    @DataBoundSetter
    public void setGate(String gate) {
        this.gate = gate;
    }

    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = failOn;
    }

    public String getOut() {
        return out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out;
    }

    public List<String> getArgs() {
        return args;
    }

    @DataBoundSetter
    public void setArgs(List<String> args) {
        this.args = List.copyOf(args);
    }

    public String getJar() {
        return jar;
    }

    @DataBoundSetter
    public void setJar(String jar) {
        this.jar = jar;
    }

    public String getLauncher() {
        return launcher;
    }

    @DataBoundSetter
    public void setLauncher(String launcher) {
        this.launcher = launcher;
    }

    public String getJava() {
        return java;
    }

    @DataBoundSetter
    public void setJava(String java) {
        this.java = java;
    }

    public String getJvm() {
        return jvm;
    }

    @DataBoundSetter
    public void setJvm(String jvm) {
        this.jvm = jvm;
    }

    public String getPyroscopeUrl() {
        return pyroscopeUrl;
    }

    @DataBoundSetter
    public void setPyroscopeUrl(String pyroscopeUrl) {
        this.pyroscopeUrl = pyroscopeUrl;
    }

    public String getPyroscopeTenant() {
        return pyroscopeTenant;
    }

    @DataBoundSetter
    public void setPyroscopeTenant(String pyroscopeTenant) {
        this.pyroscopeTenant = pyroscopeTenant;
    }

    public String getProfileType() {
        return profileType;
    }

    @DataBoundSetter
    public void setProfileType(String profileType) {
        this.profileType = profileType;
    }

    public String getSelector() {
        return selector;
    }

    @DataBoundSetter
    public void setSelector(String selector) {
        this.selector = selector;
    }

    public String getDeployedAt() {
        return deployedAt;
    }

    @DataBoundSetter
    public void setDeployedAt(String deployedAt) {
        this.deployedAt = deployedAt;
    }

    public String getWindow() {
        return window;
    }

    @DataBoundSetter
    public void setWindow(String window) {
        this.window = window;
    }

    public String getGap() {
        return gap;
    }

    @DataBoundSetter
    public void setGap(String gap) {
        this.gap = gap;
    }

    public String getPyroscopeTokenVariable() {
        return pyroscopeTokenVariable;
    }

    @DataBoundSetter
    public void setPyroscopeTokenVariable(String pyroscopeTokenVariable) {
        this.pyroscopeTokenVariable = pyroscopeTokenVariable;
    }

    public String getPyroscopeUser() {
        return pyroscopeUser;
    }

    @DataBoundSetter
    public void setPyroscopeUser(String pyroscopeUser) {
        this.pyroscopeUser = pyroscopeUser;
    }

    public String getPyroscopePasswordVariable() {
        return pyroscopePasswordVariable;
    }

    @DataBoundSetter
    public void setPyroscopePasswordVariable(String pyroscopePasswordVariable) {
        this.pyroscopePasswordVariable = pyroscopePasswordVariable;
    }

    /** Registers the step as {@code profgate} in Pipeline scripts. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "profgate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "profgate: profile-driven performance regression gate";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
        }
    }
}
