package dev.profgate.cli;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The names a mistyped command or option was likely meant as: those that begin with it, else the nearest by edit
 * distance (a letter added, dropped, changed, or two swapped), one edit away for a short name, two for a longer one.
 */
final class Suggestions {
    private static final int MAX = 3;

    private Suggestions() {
    }

    /** The names of {@code names} nearest to {@code typed}, at most three, in their order; none when none is near. */
    static List<String> of(String typed, Collection<String> names) {
        String word = bare(typed);
        if (word.isEmpty()) {
            return List.of();
        }
        int limit = word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
        int best = names.stream().mapToInt(name -> distance(word, bare(name))).min().orElse(Integer.MAX_VALUE);
        if (best > limit) {
            return List.of();
        }
        return names.stream().filter(name -> distance(word, bare(name)) == best).limit(MAX).toList();
    }

    /** A name without its leading dashes and any attached value, in lower case. */
    private static String bare(String name) {
        String stripped = name.replaceFirst("^-+", "");
        int equals = stripped.indexOf('=');
        return (equals < 0 ? stripped : stripped.substring(0, equals)).toLowerCase(Locale.ROOT);
    }

    /** 0 when {@code name} begins with {@code word} (of three letters or more), else the edit distance. */
    private static int distance(String word, String name) {
        if (word.length() >= 3 && name.startsWith(word)) {
            return 0;
        }
        int[][] d = new int[word.length() + 1][name.length() + 1];
        for (int i = 0; i <= word.length(); i++) {
            for (int j = 0; j <= name.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = word.charAt(i - 1) == name.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                boolean swapped = i > 1 && j > 1 && word.charAt(i - 1) == name.charAt(j - 2)
                        && word.charAt(i - 2) == name.charAt(j - 1);
                if (swapped) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[word.length()][name.length()];
    }
}
