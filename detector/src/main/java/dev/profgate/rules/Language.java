package dev.profgate.rules;

import java.util.List;
import java.util.Locale;

/** The languages a rule is written for, recognised on a frame by its source file's extension. */
public enum Language {
    /** Any JVM language. */
    JAVA(".java", ".kt", ".kts", ".scala", ".groovy", ".clj"),
    GO(".go"),
    PYTHON(".py", ".pyx"),
    NODE(".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx");

    private final List<String> extensions;

    Language(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The name used in rule files ({@code java}, {@code go}, {@code python}, {@code node}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of a source file by its extension, or null when the file is unknown or of another language. */
    public static Language ofFile(String file) {
        for (Language language : values()) {
            for (String extension : language.extensions) {
                if (file.endsWith(extension)) {
                    return language;
                }
            }
        }
        return null;
    }

    /** The language named {@code label} in a rule file, or null when there is none of that name. */
    public static Language byLabel(String label) {
        for (Language language : values()) {
            if (language.label().equals(label)) {
                return language;
            }
        }
        return null;
    }
}
