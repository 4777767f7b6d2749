package dev.profgate.format;

import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Questions tests ask of a profile: which function leads a column, what share a function carries, which names it has. */
public final class ProfileQueries {
    private ProfileQueries() {
    }

    /** The function with the largest self value in column {@code type}. */
    static String topSelf(Profile profile, String type) {
        Dictionary functions = new Dictionary();
        FunctionTotals totals = totals(profile, type, functions);
        int top = 0;
        for (int f = 1; f < functions.size(); f++) {
            if (totals.self(f) > totals.self(top)) {
                top = f;
            }
        }
        return functions.name(top);
    }

    /** The total (cumulative) share of {@code function} in column {@code type}; 0 when absent. */
    public static double totalShare(Profile profile, String type, String function) {
        Dictionary functions = new Dictionary();
        FunctionTotals totals = totals(profile, type, functions);
        int id = functions.find(function);
        return id < 0 ? 0 : (double) totals.total(id) / totals.grandTotal();
    }

    static Stream<String> functionNames(Profile profile) {
        return IntStream.range(0, profile.frames().size()).mapToObj(profile.frames()::function);
    }

    private static FunctionTotals totals(Profile profile, String type, Dictionary functions) {
        return FunctionTotals.of(profile, profile.tree().selfValues(profile.header().indexOf(type)), functions);
    }
}
