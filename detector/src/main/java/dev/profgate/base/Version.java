package dev.profgate.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release of profgate, as the command line and the outputs that name their tool report it: the version and the
 * git commit it was built from, both written into {@code version.properties} by the build. Either is
 * {@value #UNKNOWN} when the build could not tell (a commit outside a git checkout, classes not built by Maven).
 */
public final class Version {
    /** What a value the build could not tell reads. */
    public static final String UNKNOWN = "unknown";
    /** Where profgate lives and is documented: its repository. */
    public static final String HOME = "https://github.com/profgate/profgate";
    private static final Properties BUILD = load();
    /** The version number, as the POM gives it ({@code 0.1.0}, {@code 0.2.0-SNAPSHOT}). */
    public static final String NUMBER = value("version");
    /** The full hash of the git commit built. */
    public static final String COMMIT = value("commit");

    private Version() {
    }

    /** One line for {@code --version}: {@code profgate NUMBER (commit COMMIT)}. */
    public static String line() {
        return "profgate " + NUMBER + " (commit " + COMMIT + ")";
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profgate's version.properties", e);
        }
        return properties;
    }

    /** The build's value of {@code key}, {@value #UNKNOWN} when absent, empty or not filled in by the build. */
    private static String value(String key) {
        String value = BUILD.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }
}
