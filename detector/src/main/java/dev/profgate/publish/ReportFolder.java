package dev.profgate.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finished report folder as any profgate command writes it ({@code compare}, {@code bench}, {@code deploy-check}):
 * {@code report.md} (the comment, whose first line is the gate's hidden marker) and {@code report.json} (the verdict
 * and the findings). Publishing reads only these, so it does not depend on how the report was made.
 */
public record ReportFolder(Path dir, String markdown, String gate, Verdict verdict, List<ReportFinding> findings) {
    static final String MARKDOWN = "report.md";
    static final String JSON = "report.json";
    private static final Pattern MARKER = Pattern.compile("<!-- profgate:gate=(\\S+) -->");

    public ReportFolder {
        findings = List.copyOf(findings);
    }

    /** Reads {@code dir}; a missing or malformed report is a {@link BadInputException} naming the file. */
    public static ReportFolder read(Path dir) {
        String markdown = text(dir.resolve(MARKDOWN));
        Matcher marker = MARKER.matcher(markdown.lines().findFirst().orElse(""));
        if (!marker.matches()) {
            throw new BadInputException(dir.resolve(MARKDOWN).toString(),
                    "first line is not a profgate gate marker (<!-- profgate:gate=NAME -->)");
        }
        Path jsonFile = dir.resolve(JSON);
        JsonNode json = json(jsonFile);
        List<ReportFinding> findings = new ArrayList<>();
        for (JsonNode finding : json.path("findings")) {
            findings.add(ReportFinding.of(finding, jsonFile));
        }
        return new ReportFolder(dir, markdown, marker.group(1), verdict(json, "verdict", jsonFile), findings);
    }

    /** The marker that identifies this gate's comment: the first line of {@code report.md}. */
    public String marker() {
        return markdown.lines().findFirst().orElseThrow();
    }

    /** Findings of the given kinds ({@code regression}, {@code new}, {@code improvement}, ...). */
    public long countKinds(String... kinds) {
        List<String> wanted = List.of(kinds);
        return findings.stream().filter(f -> wanted.contains(f.kind())).count();
    }

    /** Findings whose own verdict is {@code severity}. */
    public long countSeverity(Verdict severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The verdict in field {@code field} of {@code node}: {@code pass}, {@code warn} or {@code fail}. */
    static Verdict verdict(JsonNode node, String field, Path file) {
        String label = node.path(field).asText("");
        for (Verdict verdict : Verdict.values()) {
            if (verdict.label().equals(label.toLowerCase(Locale.ROOT))) {
                return verdict;
            }
        }
        throw new BadInputException(file.toString(), field + " '" + label + "' is not pass, warn or fail");
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "not found; publish a folder written by profgate --out");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode json(Path file) {
        String text = text(file);
        try {
            JsonNode root = new ObjectMapper().readTree(text);
            if (root == null || !root.isObject()) {
                throw new BadInputException(file.toString(), "is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
