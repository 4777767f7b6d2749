package dev.profgate.format;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Stable names for Java frames: generated class names (lambdas, hidden classes, reflection accessors, proxies,
 * CGLIB and ByteBuddy subclasses, JFR's event handlers) lose their per-run numbers and addresses, so two runs of the same code name
 * their frames the same; the source file is derived from the class name.
 */
final class JavaFrameNames {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[+/.]0x\\p{XDigit}+(?:\\.\\d+)?"), ""),
            new Rule(Pattern.compile("\\$\\$Lambda\\$\\d+"), "\\$\\$Lambda"),
            new Rule(Pattern.compile("(Generated\\w*?Accessor)\\d+"), "$1"),
            new Rule(Pattern.compile("\\$Proxy\\d+"), "\\$Proxy"),
            new Rule(Pattern.compile("\\bjdk\\.proxy\\d+\\."), "jdk.proxy."),
            new Rule(Pattern.compile("(\\$\\$\\w*CGLIB\\$\\$)\\w+"), "$1"),
            new Rule(Pattern.compile("\\$ByteBuddy\\$\\w+"), "\\$ByteBuddy"),
            new Rule(Pattern.compile("(\\.EventHandler)\\d+_\\d+-\\d+"), "$1"));

    private JavaFrameNames() {
    }

    /** The class name with '/' as '.' and its generated, run-specific parts removed. */
    static String stableClassName(String className) {
        String name = className;
        for (Rule rule : RULES) {
            name = rule.pattern.matcher(name).replaceAll(rule.replacement);
        }
        return name.replace('/', '.');
    }

    /** {@code package/path/Outer.java} for a (stable) class name; empty when there is no class or no outer name. */
    static String sourceFile(String className) {
        int packageEnd = className.lastIndexOf('.');
        String simpleName = className.substring(packageEnd + 1);
        int nested = simpleName.indexOf('$');
        String outer = nested < 0 ? simpleName : simpleName.substring(0, nested);
        if (outer.isEmpty()) {
            return "";
        }
        String directory = packageEnd < 0 ? "" : className.substring(0, packageEnd).replace('.', '/') + "/";
        return directory + outer + ".java";
    }
}
