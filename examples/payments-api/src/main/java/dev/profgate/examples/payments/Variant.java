package dev.profgate.examples.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import java.util.jar.JarFile;

/** Which version of the service runs: the base, or the base with exactly one performance regression. */
public enum Variant {
    /** The intended code: regex and formatter built once, the ledger lock held only to record. */
    BASE,
    /** {@link CardValidator} compiles its card-number regex on every call. */
    REGEX_PER_CALL,
    /** {@link ResponseRenderer} builds its timestamp formatter on every call. */
    FORMATTER_PER_CALL,
    /** {@link PaymentHandler} holds the ledger lock across the whole request. */
    LOCK_HELD;

    /** The system property that selects the variant at startup. */
    public static final String PROPERTY = "payments.variant";
    /** The manifest attribute of a benchmarks jar that names the variant it was built as. */
    public static final String MANIFEST_ATTRIBUTE = "Payments-Variant";

    /**
     * The variant named by {@code -Dpayments.variant=base|regex-per-call|formatter-per-call|lock-held}, else the one
     * baked into the manifest of the jar these classes were loaded from ({@link #MANIFEST_ATTRIBUTE}), else base.
     */
    public static Variant active() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return parse(property);
        }
        String baked = manifestAttribute(MANIFEST_ATTRIBUTE);
        return baked == null ? BASE : parse(baked);
    }

    /** The variant with this command-line name (such as {@code regex-per-call}). */
    public static Variant parse(String name) {
        for (Variant v : values()) {
            if (v.cliName().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown " + PROPERTY + " '" + name + "'");
    }

    /** The command-line name: lower case with dashes. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Attribute {@code name} of the manifest of the jar holding this class, or null (not loaded from a jar, or no such attribute). */
    public static String manifestAttribute(String name) {
        CodeSource code = Variant.class.getProtectionDomain().getCodeSource();
        if (code == null) {
            return null;
        }
        try {
            Path location = Path.of(code.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return null;
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + code.getLocation(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class location is not a file URI: " + code.getLocation(), e);
        }
    }
}
