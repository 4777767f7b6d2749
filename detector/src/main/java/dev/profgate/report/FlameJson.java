package dev.profgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FlameTree;
import dev.profgate.analysis.Interval;
import dev.profgate.base.Names;
import dev.profgate.rules.RuleHit;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of {@code flamegraph.html}: one script-safe JSON object. Function names are a front-coded string table
 * (sorted; each entry starts with the character {@code ' ' + n}, n the length of the prefix it shares with the entry
 * before). Nodes are in {@link FlameOrder} preorder: {@code name} holds each node's string table index; {@code up}
 * (how many levels above the previous node's child level a node sits), {@code base} (base self samples) and
 * {@code diff} (head self samples minus base self samples) are mostly zero and hold only the non-zero values, as
 * pairs of the gap to the previous listed position and the value; the tested nodes are groups of five in
 * {@code tests}: the gap to the previous tested node, q-value, CI low, CI high (fractions), significant (1/0).
 * {@code rules} lists the rules that explain findings, {@code marks} the frames they flag ({@link FlameMarks}) as
 * pairs of the gap to the previous flagged position and the rule's index; every finding in {@code findings} names
 * its rules and the position of its call path's node. {@code shades} is the colour scale of {@link FlameColors},
 * which colours a node by its change relative to the code that did not change: head share / {@code scale} minus
 * base share ({@link FlameTree#change}).
 */
final class FlameJson {
    /**
     * The smallest share of a side's samples a frame of the page holds (unless significant): smaller ones are merged
     * under their caller ({@link FlameTree#merged}), as Pyroscope truncates its flame graphs, so that a profile of
     * 400,000 frames gives a page of some 10,000 rather than 1 MB that a browser draws slowly.
     */
    static final double SMALLEST_FRAME = 1e-4;
    private static final int MAX_PREFIX = 94;
    private static final MathContext DIGITS = new MathContext(3);

    private FlameJson() {
    }

    /** Writes the data of {@code data}'s page to {@code out}, which it closes. */
    static void write(ReportData data, Writer out) throws IOException {
        try (JsonGenerator json = ScriptSafeJson.generator(out)) {
            Comparison comparison = data.comparison();
            FlameTree tree = comparison.flame().merged(SMALLEST_FRAME);
            FlameOrder order = FlameOrder.of(tree);
            List<RuleHit> rules = distinctRules(data.hits());
            json.writeStartObject();
            header(json, comparison);
            links(json, data.links());
            names(json, order);
            nodes(json, order);
            tests(json, order);
            int[] position = positions(order.preorder());
            rules(json, rules, position, FlameMarks.of(tree, data.hits()));
            findings(json, data, order, position, rules);
            shades(json);
            json.writeEndObject();
        }
    }

    private static void header(JsonGenerator json, Comparison c) throws IOException {
        json.writeStringField("verdict", c.verdict().label());
        json.writeStringField("scope", Names.printable(Labels.scope(c)));
        json.writeStringField("summary", Labels.counts(c));
        json.writeStringField("limits", Labels.limitsExplained(c));
        json.writeArrayFieldStart("samples");
        json.writeNumber(c.flame().baseTotal(0));
        json.writeNumber(c.flame().headTotal(0));
        json.writeEndArray();
        json.writeNumberField("scale", c.flame().scale());
        json.writeArrayFieldStart("notes");
        for (String note : c.notes()) {
            json.writeString(Names.printable(note));
        }
        json.writeEndArray();
    }

    private static void links(JsonGenerator json, List<ReportLink> links) throws IOException {
        json.writeArrayFieldStart("links");
        for (ReportLink link : links) {
            json.writeStartObject();
            json.writeStringField("label", Names.printable(link.label()));
            json.writeStringField("url", link.url());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void names(JsonGenerator json, FlameOrder order) throws IOException {
        FlameTree tree = order.tree();
        int[] rank = order.nameRanks();
        String[] sorted = new String[rank.length];
        for (int f = 0; f < rank.length; f++) {
            sorted[rank[f]] = Names.printable(tree.functionName(f));
        }
        json.writeArrayFieldStart("names");
        String previous = "";
        for (String name : sorted) {
            int prefix = commonPrefix(previous, name);
            json.writeString((char) (' ' + prefix) + name.substring(prefix));
            previous = name;
        }
        json.writeEndArray();
    }

    /** The shared prefix length, at most {@link #MAX_PREFIX} and never splitting a surrogate pair. */
    static int commonPrefix(String a, String b) {
        int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        int n = 0;
        while (n < limit && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n > 0 && Character.isHighSurrogate(b.charAt(n - 1)) ? n - 1 : n;
    }

    private static void nodes(JsonGenerator json, FlameOrder order) throws IOException {
        FlameTree tree = order.tree();
        int[] preorder = order.preorder();
        int[] rank = order.nameRanks();
        long[] baseSelf = selfCounts(tree, true);
        long[] headSelf = selfCounts(tree, false);
        long[] up = new long[preorder.length];
        long[] names = new long[preorder.length];
        long[] base = new long[preorder.length];
        long[] diff = new long[preorder.length];
        for (int i = 0; i < preorder.length; i++) {
            int node = preorder[i];
            up[i] = i == 0 ? 0 : order.depth(preorder[i - 1]) + 1 - order.depth(node);
            names[i] = rank[tree.function(node)];
            base[i] = baseSelf[node];
            diff[i] = headSelf[node] - baseSelf[node];
        }
        array(json, "name", names);
        sparse(json, "up", up);
        sparse(json, "base", base);
        sparse(json, "diff", diff);
    }

    private static void array(JsonGenerator json, String field, long[] values) throws IOException {
        json.writeArrayFieldStart(field);
        for (long value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    /** The non-zero values as pairs: the gap in positions to the previous non-zero value, and the value. */
    private static void sparse(JsonGenerator json, String field, long[] values) throws IOException {
        json.writeArrayFieldStart(field);
        int last = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                json.writeNumber(i - last);
                json.writeNumber(values[i]);
                last = i;
            }
        }
        json.writeEndArray();
    }

    /** Samples of each node not in a child (the node's own), per side. */
    private static long[] selfCounts(FlameTree tree, boolean base) {
        long[] self = new long[tree.size()];
        for (int node = 0; node < self.length; node++) {
            self[node] = base ? tree.baseTotal(node) : tree.headTotal(node);
        }
        for (int node = 1; node < self.length; node++) {
            self[tree.parent(node)] -= base ? tree.baseTotal(node) : tree.headTotal(node);
        }
        return self;
    }

    private static void tests(JsonGenerator json, FlameOrder order) throws IOException {
        FlameTree tree = order.tree();
        int[] preorder = order.preorder();
        json.writeArrayFieldStart("tests");
        int last = 0;
        for (int i = 0; i < preorder.length; i++) {
            int node = preorder[i];
            if (tree.tested(node)) {
                Interval ci = tree.ci(node);
                json.writeNumber(i - last);
                number(json, tree.qValue(node));
                number(json, ci.low());
                number(json, ci.high());
                json.writeNumber(tree.significant(node) ? 1 : 0);
                last = i;
            }
        }
        json.writeEndArray();
    }

    /** One entry per rule id among the hits, in order of first appearance. */
    private static List<RuleHit> distinctRules(Map<Finding, List<RuleHit>> hits) {
        Map<String, RuleHit> byId = new LinkedHashMap<>();
        hits.values().forEach(list -> list.forEach(hit -> byId.putIfAbsent(hit.id(), hit)));
        return List.copyOf(byId.values());
    }

    /**
     * The rule table, and the flagged nodes as pairs: gap to the previous flagged position, rule index ({@code
     * position}: each node's position in the preorder).
     */
    private static void rules(JsonGenerator json, List<RuleHit> rules, int[] position,
                              Map<Integer, List<RuleHit>> marks) throws IOException {
        json.writeArrayFieldStart("rules");
        for (RuleHit rule : rules) {
            json.writeStartObject();
            json.writeStringField("id", Names.printable(rule.id()));
            json.writeStringField("title", Names.printable(rule.title()));
            json.writeStringField("advice", Names.printable(rule.advice()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("marks");
        int last = 0;
        for (int node : marks.keySet().stream().sorted(Comparator.comparingInt(n -> position[n])).toList()) {
            for (RuleHit hit : marks.get(node)) {
                json.writeNumber(position[node] - last);
                json.writeNumber(ruleIndex(rules, hit));
                last = position[node];
            }
        }
        json.writeEndArray();
    }

    private static int ruleIndex(List<RuleHit> rules, RuleHit hit) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(hit.id())) {
                return i;
            }
        }
        throw new IllegalArgumentException("not among the rules: " + hit.id());
    }

    private static void findings(JsonGenerator json, ReportData data, FlameOrder order, int[] position,
                                 List<RuleHit> rules) throws IOException {
        json.writeArrayFieldStart("findings");
        for (Finding f : data.comparison().findings()) {
            int node = order.find(f.callPath());
            json.writeStartObject();
            json.writeStringField("function", Names.printable(f.function()));
            json.writeStringField("kind", Labels.kind(f));
            json.writeStringField("severity", f.severity().label());
            json.writeStringField("delta", Labels.change(f));
            json.writeStringField("q", Formats.probability(f.qValue()));
            json.writeNumberField("node", node < 0 ? -1 : position[node]);
            json.writeArrayFieldStart("rules");
            for (RuleHit hit : data.hits(f)) {
                json.writeNumber(ruleIndex(rules, hit));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void shades(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("shades");
        strings(json, "neutral", FlameColors.NEUTRAL);
        strings(json, "slower", FlameColors.SLOWER);
        strings(json, "faster", FlameColors.FASTER);
        strings(json, "labels", FlameColors.labels());
        json.writeArrayFieldStart("steps");
        for (double step : FlameColors.STEPS) {
            json.writeNumber(step);
        }
        json.writeEndArray();
        json.writeNumberField("whiteText", FlameColors.WHITE_TEXT);
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static int[] positions(int[] preorder) {
        int[] position = new int[preorder.length];
        for (int i = 0; i < preorder.length; i++) {
            position[preorder[i]] = i;
        }
        return position;
    }

    /** Three significant digits (q-values and intervals need no more). */
    private static void number(JsonGenerator json, double value) throws IOException {
        json.writeNumber(new BigDecimal(value).round(DIGITS).stripTrailingZeros());
    }
}
