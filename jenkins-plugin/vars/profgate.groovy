import groovy.json.JsonSlurperClassic

/*
 * profgate(...): the profile-driven performance gate as a Pipeline step of the shared library 'profgate'
 * (@Library('profgate') _; no plugin needed). Parameters, defaults and examples: jenkins-plugin/README.md.
 *
 * Runs the profgate CLI on the agent (sh, so Unix agents), then archives the report folder, records junit.xml,
 * publishes the flame graph (HTML Publisher when installed, else the static SVG's link and a build description),
 * optionally publishes to GitHub (watch mode: profgate keeps an issue per regression itself, --github), and sets the
 * build result: UNSTABLE when the verdict fails the gate per failOn,
 * FAILURE (error) when profgate itself fails (exit 2: bad input or usage). Returns the verdict and the counts.
 *
 * Secrets (Pyroscope token or user/password, GitHub token) come from Jenkins credentials through withCredentials
 * and reach profgate as environment variables only: the shell script names the variables, never their values.
 */

/** The parameters this step takes; anything else is refused, so a misspelt one is not silently ignored. */
@groovy.transform.Field
static final List<String> PARAMETERS = ['mode', 'base', 'head', 'config', 'gate', 'failOn', 'out', 'args',
        'jar', 'launcher', 'java', 'jvm', 'pyroscopeUrl', 'pyroscopeTenant', 'profileType', 'selector', 'deployedAt',
        'window', 'gap', 'pyroscopeCredentialsId', 'pyroscopeBasicCredentialsId', 'githubCredentialsId',
        'githubRepository', 'githubApiUrl', 'githubSha', 'comment', 'reportName', 'profiles', 'from', 'to', 'step',
        'deploys', 'versionLabel']

/** Environment variables the credentials are bound to. */
@groovy.transform.Field
static final String TOKEN_VARIABLE = 'PROFGATE_PYROSCOPE_TOKEN'
@groovy.transform.Field
static final String USER_VARIABLE = 'PROFGATE_PYROSCOPE_USER'
@groovy.transform.Field
static final String PASSWORD_VARIABLE = 'PROFGATE_PYROSCOPE_PASSWORD'

Map call(Map params = [:]) {
    String problem = problemWith(params)
    if (problem) {
        error("profgate: ${problem}")
    }
    Map s = settings(params, [PROFGATE_JAR: env.PROFGATE_JAR, GIT_COMMIT: env.GIT_COMMIT])
    String tmp = pwd(tmp: true)
    int exitCode = runProfgate(s, tmp)
    String reportJson = "${s.out}/report.json"
    if (!(exitCode in [0, 1]) || !fileExists(reportJson)) {
        String stderr = fileExists("${tmp}/profgate.stderr") ? readFile("${tmp}/profgate.stderr") : ''
        error("profgate ${s.mode} failed (exit ${exitCode}): ${lastLine(stderr)}")
    }
    Map summary = summarize(readFile(reportJson), reportJson)
    archiveArtifacts(artifacts: "${s.out}/**", allowEmptyArchive: false)
    junit(testResults: "${s.out}/junit.xml", allowEmptyResults: true, skipMarkingBuildUnstable: true)
    String published = publishReport(s, summary)
    if (s.githubCredentialsId && s.mode != 'watch') {
        publishToGitHub(s, tmp)
    }
    String result = gateFails(summary.verdict, s.failOn) ? 'UNSTABLE' : 'SUCCESS'
    if (result == 'UNSTABLE') {
        currentBuild.result = 'UNSTABLE'
        echo("profgate: verdict ${summary.verdict} fails the gate (failOn: ${s.failOn}); build marked UNSTABLE")
    }
    return summary + [exitCode: exitCode, reportDir: s.out, result: result, published: published]
}

/**
 * Runs profgate with the credentials bound; its standard error is shown live and kept for the error message. Watch
 * mode with GitHub credentials gets the repository (and API address) in the environment: profgate writes the issues.
 */
int runProfgate(Map s, String tmp) {
    int exitCode = 0
    withEnv(s.mode == 'watch' && s.githubCredentialsId ? githubVariables(s) : []) {
        withSecrets(credentialBindings(s)) {
            exitCode = sh(script: shellScript(s, tmp), returnStatus: true, label: "profgate ${s.mode}")
        }
    }
    return exitCode
}

/** GITHUB_REPOSITORY and, when set, GITHUB_API_URL. */
@NonCPS
static List<String> githubVariables(Map s) {
    List<String> variables = ["GITHUB_REPOSITORY=${s.githubRepository}".toString()]
    if (s.githubApiUrl) {
        variables << "GITHUB_API_URL=${s.githubApiUrl}".toString()
    }
    return variables
}

/** Runs body inside withCredentials(bindings), or directly when there is nothing to bind. */
void withSecrets(List bindings, Closure body) {
    if (bindings) {
        withCredentials(bindings, body)
    } else {
        body()
    }
}

/** HTML Publisher's report when the plugin is installed ('html'); otherwise the SVG's link and a description. */
String publishReport(Map s, Map summary) {
    String headline = "profgate ${summary.verdict.toUpperCase()}: ${summary.regressions} regressions, " +
            "${summary.improvements} improvements"
    if (s.mode == 'watch') {
        describe(headline)
        echo("profgate: ${headline}; report: ${env.BUILD_URL ?: ''}artifact/${s.out}/report.md")
        return 'text'
    }
    try {
        publishHTML(target: [reportDir: s.out, reportFiles: 'flamegraph.svg,flamegraph.html',
                             reportTitles: 'Flame graph (SVG),Interactive flame graph', reportName: s.reportName,
                             keepAll: true, alwaysLinkToLastBuild: true, allowMissing: false])
        return 'html'
    } catch (NoSuchMethodError ignored) {
        describe(headline)
        echo("profgate: ${headline}; flame graph (static SVG): ${env.BUILD_URL ?: ''}artifact/${s.out}/flamegraph.svg")
        return 'svg'
    }
}

/** Adds a line to the build's description. */
void describe(String headline) {
    String old = currentBuild.description
    currentBuild.description = old ? "${old}\n${headline}" : headline
}

/** Posts the report to GitHub (sticky PR comment, check run) with 'profgate publish github'. */
void publishToGitHub(Map s, String tmp) {
    String event = "${tmp}/github-event.json"
    writeFile(file: event, text: githubEvent(env.CHANGE_ID, s.githubSha))
    List<String> variables = ["GITHUB_REPOSITORY=${s.githubRepository}", "GITHUB_SHA=${s.githubSha}",
                              "GITHUB_EVENT_PATH=${event}"]
    if (s.githubApiUrl) {
        variables << "GITHUB_API_URL=${s.githubApiUrl}"
    }
    int exitCode = 0
    withEnv(variables) {
        withCredentials([string(credentialsId: s.githubCredentialsId, variable: 'GITHUB_TOKEN')]) {
            exitCode = sh(script: publishScript(s), returnStatus: true, label: 'profgate publish github')
        }
    }
    if (exitCode != 0) {
        error("profgate publish github failed (exit ${exitCode}); see the log above")
    }
}

/** The first problem with the step's parameters, or null. */
@NonCPS
static String problemWith(Map params) {
    List unknown = params.keySet().findAll { !(it in PARAMETERS) } as List
    String mode = params.mode ?: 'compare'
    if (unknown) {
        return "unknown parameter(s) ${unknown.join(', ')}; known: ${PARAMETERS.join(', ')}"
    }
    if (!(mode in ['compare', 'bench', 'deploy', 'watch'])) {
        return "mode is '${mode}'; use compare, bench, deploy or watch"
    }
    if (!((params.failOn ?: 'fail') in ['fail', 'warn', 'never'])) {
        return "failOn is '${params.failOn}'; use fail, warn or never"
    }
    if (mode == 'compare' && (!params.base || !params.head)) {
        return 'compare needs base and head profiles (files, folders or globs)'
    }
    if (mode == 'deploy' && !params.pyroscopeUrl) {
        return 'deploy needs pyroscopeUrl'
    }
    if ((params.profiles || params.from || params.to || params.step || params.deploys || params.versionLabel)
            && mode != 'watch') {
        return 'profiles, from, to, step, deploys and versionLabel apply to mode watch only'
    }
    if (params.versionLabel && !params.pyroscopeUrl) {
        return 'versionLabel reads the deploys from Pyroscope: give pyroscopeUrl and selector'
    }
    if (mode == 'watch' && params.pyroscopeUrl && params.profiles) {
        return 'watch reads either pyroscopeUrl or profiles, not both'
    }
    if (params.gate && mode == 'watch') {
        return 'gate does not apply to mode watch (no PR comment; its issues are keyed by service and function)'
    }
    if (params.jvm && mode != 'bench') {
        return 'jvm applies to mode bench only'
    }
    if (params.githubCredentialsId && !params.githubRepository) {
        return 'githubCredentialsId needs githubRepository (owner/name)'
    }
    return null
}

/** The parameters with their defaults filled in; {@code environment} holds PROFGATE_JAR and GIT_COMMIT. */
@NonCPS
static Map settings(Map params, Map environment) {
    Map s = [mode: 'compare', failOn: 'fail', out: 'profgate-report', args: [], reportName: 'profgate',
             jar: environment.PROFGATE_JAR ?: '.profgate/detector/target/profgate.jar', comment: 'always',
             githubSha: environment.GIT_COMMIT ?: ''] + params
    s.base = list(s.base)
    s.head = list(s.head)
    s.args = list(s.args)
    return s
}

@NonCPS
private static List<String> list(value) {
    if (value == null) {
        return []
    }
    return (value instanceof Collection ? value : [value]).collect { it.toString() }
}

/** profgate's arguments as shell words: literals single-quoted, secrets as references to their variables. */
@NonCPS
static List<String> shellWords(Map s) {
    List<String> words = [quote(s.mode == 'deploy' ? 'deploy-check' : s.mode)]
    if (s.mode == 'compare') {
        words << '--base'
        words.addAll(s.base.collect { quote(it) })
        words << '--head'
        words.addAll(s.head.collect { quote(it) })
    } else if (s.mode == 'bench') {
        option(words, '--base-ref', single(s.base))
        option(words, '--head-ref', single(s.head))
        option(words, '--jvm', s.jvm)
    } else if (s.mode == 'watch') {
        option(words, '--profiles', s.profiles)
        pyroscope(words, s)
        pyroscopeCredentials(words, s)
        option(words, '--from', s.from)
        option(words, '--to', s.to)
        option(words, '--step', s.step)
        option(words, '--deploys', s.deploys)
        option(words, '--version-label', s.versionLabel)
        if (s.githubCredentialsId) {
            words << '--github'
        }
    } else {
        pyroscope(words, s)
        option(words, '--base', single(s.base))
        option(words, '--head', single(s.head))
        option(words, '--deployed-at', s.deployedAt)
        option(words, '--window', s.window)
        option(words, '--gap', s.gap)
        pyroscopeCredentials(words, s)
    }
    option(words, '--config', s.config)
    option(words, '--gate', s.gate)
    words.addAll(s.args.collect { quote(it) })
    words.addAll(['--out', quote(s.out), '--fail-on', quote(s.failOn)])
    return words
}

@NonCPS
private static String single(List<String> values) {
    return values ? values.join(' ') : null
}

@NonCPS
private static void option(List<String> words, String flag, value) {
    if (value) {
        words.addAll([flag, quote(value.toString())])
    }
}

/** The program: the launcher (a checkout's bin/profgate) when given, else java -jar with bin/profgate's flags. */
@NonCPS
static String program(Map s) {
    if (s.launcher) {
        return quote(s.launcher)
    }
    String java = s.java ? quote(s.java) : '"${JAVA_HOME:+$JAVA_HOME/bin/}java"'
    return "${java} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar ${quote(s.jar)}"
}

/**
 * The sh script: no tracing (set +x: the trace would print every expanded argument), no -e; profgate's standard
 * error goes to the log and to tmp/profgate.stderr, and the script exits with profgate's exit code.
 */
@NonCPS
static String shellScript(Map s, String tmp) {
    String command = ([program(s)] + shellWords(s)).join(' ')
    String stderr = quote("${tmp}/profgate.stderr")
    String status = quote("${tmp}/profgate.exit")
    return """set +ex
rm -f ${stderr} ${status}
{ { ${command}; echo \$? >${status}; } 2>&1 1>&3 3>&- | tee ${stderr} 1>&2 3>&-; } 3>&1
exit "\$(cat ${status})"
"""
}

/** The sh script of 'profgate publish github'; the token is in GITHUB_TOKEN, bound by withCredentials. */
@NonCPS
static String publishScript(Map s) {
    List<String> words = [program(s), 'publish', 'github', '--report', quote(s.out), '--fail-on', 'never',
                          '--comment', quote(s.comment)]
    return "set +x\n${words.join(' ')}\n"
}

/** The server options of deploy and watch: Pyroscope's address, tenant, type and selector. */
@NonCPS
static void pyroscope(List words, Map s) {
    option(words, '--url', s.pyroscopeUrl)
    option(words, '--tenant', s.pyroscopeTenant)
    option(words, '--profile-type', s.profileType)
    option(words, '--selector', s.selector)
}

/** The variables of Pyroscope's credentials, for deploy and watch. */
@NonCPS
static void pyroscopeCredentials(List words, Map s) {
    if (s.pyroscopeCredentialsId) {
        words.addAll(['--token-env', TOKEN_VARIABLE])
    }
    if (s.pyroscopeBasicCredentialsId) {
        words.addAll(['--user', "\"\$${USER_VARIABLE}\"".toString(), '--password-env', PASSWORD_VARIABLE])
    }
}

/** The credentials to bind: Pyroscope's bearer token and/or user and password; watch's GitHub token. */
List credentialBindings(Map s) {
    List bindings = []
    if (s.mode == 'watch' && s.githubCredentialsId) {
        bindings << string(credentialsId: s.githubCredentialsId, variable: 'GITHUB_TOKEN')
    }
    if (s.pyroscopeCredentialsId) {
        bindings << string(credentialsId: s.pyroscopeCredentialsId, variable: TOKEN_VARIABLE)
    }
    if (s.pyroscopeBasicCredentialsId) {
        bindings << usernamePassword(credentialsId: s.pyroscopeBasicCredentialsId, usernameVariable: USER_VARIABLE,
                passwordVariable: PASSWORD_VARIABLE)
    }
    return bindings
}

/** A minimal GitHub event file: the pull request number (Jenkins' CHANGE_ID) and head commit, for publishing. */
@NonCPS
static String githubEvent(String changeId, String sha) {
    String number = changeId ==~ /\d+/ ? changeId : '0'
    String head = sha ==~ /[0-9a-fA-F]{7,64}/ ? sha : ''
    return "{\"pull_request\":{\"number\":${number},\"head\":{\"sha\":\"${head}\"}}}"
}

/** The verdict and counts of a report.json, as the GitHub Action outputs them. */
@NonCPS
static Map summarize(String json, String source) {
    Map report
    try {
        report = new JsonSlurperClassic().parseText(json) as Map
    } catch (Exception e) {
        throw new IllegalArgumentException("${source}: not valid JSON (${e.message})")
    }
    List findings = report.schema == 'profgate.watch' ? (report.changePoints ?: []).collect { it.finding }
            : (report.findings ?: [])
    return [verdict     : report.verdict,
            findings    : findings.size(),
            regressions : findings.count { it.kind in ['regression', 'new'] },
            improvements: findings.count { it.kind in ['improvement', 'gone'] },
            failing     : findings.count { it.severity == 'fail' },
            warnings    : findings.count { it.severity == 'warn' }]
}

/** Whether a verdict fails the gate per failOn. */
@NonCPS
static boolean gateFails(String verdict, String failOn) {
    return failOn == 'warn' ? verdict != 'pass' : failOn == 'fail' && verdict == 'fail'
}

@NonCPS
static String lastLine(String text) {
    List<String> lines = text.readLines().findAll { it.trim() }
    return lines ? lines.last() : 'no message; see the log above'
}

/** word as one single-quoted shell word. */
@NonCPS
static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'"
}
