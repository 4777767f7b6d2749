package dev.profgate.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.base.Folders;
import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Inputs of the publishing tests: report folders written by the real compare of the demo's recorded profiles, and
 * the environment a GitHub Actions runner gives a step (variables, event file, output and summary files).
 */
final class PublishFixtures {
    static final Path REPO = Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    static final String HEAD_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    static final String MERGE_SHA = "8a1f2b3c4d5e6f708192a3b4c5d6e7f801234567";
    /** The repository's files at the pull request's head commit, as the environment below names them. */
    static final String BLOB_URL = "https://github.example/acme/payments/blob/" + HEAD_SHA + "/";
    static final int PR = 7;
    private static Path demoFail;
    private static Path demoPass;

    private PublishFixtures() {
    }

    /** A copy (in {@code dir}) of the demo comparison's report folder: the regex compiled per call, verdict fail. */
    static Path failingReport(Path dir) {
        synchronized (PublishFixtures.class) {
            if (demoFail == null) {
                demoFail = compare("head", "profgate-demo-fail");
            }
        }
        return copy(demoFail, dir);
    }

    /** A copy of the report of the demo's base against itself: verdict pass. */
    static Path passingReport(Path dir) {
        synchronized (PublishFixtures.class) {
            if (demoPass == null) {
                demoPass = compare("base", "profgate-demo-pass");
            }
        }
        return copy(demoPass, dir);
    }

    /** The environment of a step of a {@code pull_request} workflow run against {@code github}, files in {@code dir}. */
    static Map<String, String> pullRequestEnv(GitHubApiMock github, Path dir) throws IOException {
        ObjectNode event = new ObjectMapper().createObjectNode();
        event.put("action", "synchronize").put("number", PR);
        ObjectNode pr = event.putObject("pull_request");
        pr.put("number", PR).put("state", "open");
        pr.putObject("head").put("sha", HEAD_SHA).put("ref", "faster-payments");
        pr.putObject("base").put("sha", MERGE_SHA.replace('8', '9')).put("ref", "main");
        event.putObject("repository").put("full_name", "acme/payments");
        Files.createDirectories(dir);
        Path eventFile = Files.writeString(dir.resolve("event.json"), event.toString());
        Map<String, String> env = pushEnv(github, dir);
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_EVENT_PATH", eventFile.toString());
        return env;
    }

    /** The environment of a step of a {@code push} workflow run (no pull request). */
    static Map<String, String> pushEnv(GitHubApiMock github, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_API_URL", github.apiUrl());
        env.put("GITHUB_SERVER_URL", "https://github.example");
        env.put("GITHUB_REPOSITORY", GitHubApiMock.OWNER + "/" + GitHubApiMock.REPO);
        env.put("GITHUB_SHA", MERGE_SHA);
        env.put("GITHUB_RUN_ID", "555");
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("GITHUB_WORKSPACE", REPO.toString());
        env.put("GITHUB_TOKEN", GitHubApiMock.TOKEN);
        env.put("GITHUB_STEP_SUMMARY", Files.createFile(dir.resolve("summary.md")).toString());
        env.put("GITHUB_OUTPUT", Files.createFile(dir.resolve("output.txt")).toString());
        return env;
    }

    /** The outputs of a {@code $GITHUB_OUTPUT} file, read as the runner reads it. */
    static Map<String, String> outputs(Path file) throws IOException {
        Map<String, String> outputs = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                while (!lines.get(++i).equals(delimiter)) {
                    value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
                }
                outputs.put(line.substring(0, heredoc), value.toString());
            } else {
                outputs.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return outputs;
    }

    /** Every file under {@code dir}, as text. */
    static String allText(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private static Path compare(String head, String name) {
        try {
            Path tmp = Files.createTempDirectory(name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(tmp)));
            Path out = tmp.resolve("report");
            Path demo = REPO.resolve("baselines/demo");
            new CompareRun(List.of(demo.resolve("base").toString()), List.of(demo.resolve(head).toString()), null,
                    Settings.defaults(), out, "demo").execute();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Folders.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static Path copy(Path from, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName().toString()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
