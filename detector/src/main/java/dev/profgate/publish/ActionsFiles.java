package dev.profgate.publish;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/**
 * The files a GitHub Actions step writes to talk to the runner: the job summary ({@code $GITHUB_STEP_SUMMARY},
 * Markdown) and the step outputs ({@code $GITHUB_OUTPUT}: {@code name=value}, or the {@code name<<DELIMITER} form for
 * a value with a line break). Both are appended to, as the runner expects; a null file is skipped.
 */
public final class ActionsFiles {
    private ActionsFiles() {
    }

    /** Appends {@code markdown} to the job summary. */
    public static void appendSummary(Path file, String markdown) {
        append(file, "GITHUB_STEP_SUMMARY", markdown.endsWith("\n") ? markdown : markdown + "\n");
    }

    /** Appends {@code outputs} to the step outputs file. */
    static void appendOutputs(Path file, Map<String, String> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.forEach((name, value) -> {
            if (value.contains("\n") || value.contains("\r")) {
                String delimiter = "profgate_" + UUID.randomUUID();
                text.append(name).append("<<").append(delimiter).append('\n').append(value).append('\n')
                        .append(delimiter).append('\n');
            } else {
                text.append(name).append('=').append(value).append('\n');
            }
        });
        append(file, "GITHUB_OUTPUT", text.toString());
    }

    private static void append(Path file, String variable, String text) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot write " + variable + ": " + e.getMessage());
        }
    }
}
