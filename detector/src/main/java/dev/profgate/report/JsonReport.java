package dev.profgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.DiffNode;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Interval;
import dev.profgate.analysis.SideSummary;
import dev.profgate.analysis.SourceRef;
import dev.profgate.base.Version;
import dev.profgate.model.EnvironmentMismatch;
import dev.profgate.rules.RuleHit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code report.json}: the machine-readable result (schema version {@link #SCHEMA_VERSION}), naming the profgate
 * that wrote it in {@code tool} ({@code name}, {@code version}, {@code commit}; see {@link #tool}). Shares, deltas and
 * intervals are fractions of the replicate total (0..1); a finding's {@code effect} ({@code change}, {@code ci},
 * {@code ratio}) is its change relative to the code that did not change, in fractions of base's total, which the
 * verdict is based on; non-finite numbers are {@code null}. The differential
 * call tree is a flat preorder list whose nodes name their {@code parent} index (-1 for the root), so any depth
 * is written without recursion; each node's {@code change} is relative to the unchanged code, as an effect's.
 * {@code environmentMismatches} lists how the two sides were recorded differently
 * ({@code what}, {@code base}, {@code head}), empty when alike; {@code links} ({@code label}, {@code url}) the views
 * to drill down in, empty for files. Keys are in a fixed order and nothing depends on
 * the clock: the same comparison always gives the same bytes.
 */
public final class JsonReport {
    /** Version of the report.json layout; bumped on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Trees are written by jackson-core alone: an ObjectMapper costs some 40 ms of class loading a run. */
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultPrettyPrinter INDENTED = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonReport() {
    }

    /** The JSON text of {@code comparison} without rule hits, ending in a newline. */
    public static String render(Comparison comparison) {
        return text(toJson(comparison, finding -> List.of(), List.of()));
    }

    /** The JSON text of a report: its comparison, each finding with the catalog rules it hit, and its links. */
    public static String render(ReportData data) {
        return text(toJson(data.comparison(), data::hits, data.links()));
    }

    /** {@code node} as indented JSON text ending in a newline, as every JSON output of profgate is written. */
    public static String text(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(INDENTED.createInstance());
            write(node, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Writes {@code root} without recursion: each open object or array is an iterator on a stack. */
    private static void write(JsonNode root, JsonGenerator json) throws IOException {
        Deque<Iterator<?>> open = new ArrayDeque<>();
        start(root, json, open);
        while (!open.isEmpty()) {
            Iterator<?> members = open.peek();
            if (!members.hasNext()) {
                open.pop();
                if (json.getOutputContext().inObject()) {
                    json.writeEndObject();
                } else {
                    json.writeEndArray();
                }
            } else {
                Object member = members.next();
                if (member instanceof Map.Entry<?, ?> field) {
                    json.writeFieldName((String) field.getKey());
                    member = field.getValue();
                }
                start((JsonNode) member, json, open);
            }
        }
    }

    private static void start(JsonNode node, JsonGenerator json, Deque<Iterator<?>> open) throws IOException {
        if (node.isObject()) {
            json.writeStartObject();
            open.push(node.fields());
        } else if (node.isArray()) {
            json.writeStartArray();
            open.push(node.elements());
        } else if (node.isNull()) {
            json.writeNull();
        } else {
            node.serialize(json, null); // a value node: text, number or boolean, which need no serializer provider
        }
    }

    public static ObjectNode toJson(Comparison c, Function<Finding, List<RuleHit>> hits, List<ReportLink> reportLinks) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        tool(root);
        root.put("verdict", c.verdict().label());
        root.put("profileType", c.profileType());
        root.set("base", side(c.base()));
        root.set("head", side(c.head()));
        ArrayNode findings = root.putArray("findings");
        c.findings().forEach(f -> findings.add(finding(f, hits.apply(f))));
        number(root, "mde", c.minimumDetectableEffect());
        root.put("functionsTested", c.functionsTested());
        number(root, "fdr", c.fdr());
        strings(root.putArray("notes"), c.notes());
        mismatches(root.putArray("environmentMismatches"), c.environmentMismatches());
        tree(root.putArray("tree"), c.tree());
        ArrayNode links = root.putArray("links");
        reportLinks.forEach(link -> links.addObject().put("label", link.label()).put("url", link.url()));
        return root;
    }

    /** Puts {@code tool}, the profgate that wrote the report: its name, version and the commit it was built from. */
    public static void tool(ObjectNode root) {
        root.putObject("tool").put("name", "profgate").put("version", Version.NUMBER).put("commit", Version.COMMIT);
    }

    private static ObjectNode side(SideSummary side) {
        ObjectNode node = NODES.objectNode();
        node.put("replicates", side.replicates());
        node.put("samples", side.samples());
        strings(node.putArray("sources"), side.sources());
        return node;
    }

    public static ObjectNode finding(Finding f, List<RuleHit> hits) {
        ObjectNode node = NODES.objectNode();
        node.put("function", f.function());
        node.put("kind", f.kind().label());
        node.put("metric", f.metric().label());
        node.put("severity", f.severity().label());
        number(node, "base", f.base());
        number(node, "head", f.head());
        number(node, "delta", f.delta());
        interval(node, f.ci());
        ObjectNode effect = node.putObject("effect");
        number(effect, "change", f.effect().change());
        interval(effect, f.effect().ci());
        number(effect, "ratio", f.effect().ratio());
        number(node, "pValue", f.pValue());
        number(node, "qValue", f.qValue());
        number(node, "welchP", f.welchP());
        number(node, "mannWhitneyP", f.mannWhitneyP());
        source(node.putObject("source"), f.source());
        strings(node.putArray("callPath"), f.callPath());
        ArrayNode rules = node.putArray("rules");
        for (RuleHit hit : hits) {
            ObjectNode rule = rules.addObject().put("id", hit.id()).put("title", hit.title()).put("advice", hit.advice())
                    .put("link", hit.link()).put("frame", hit.frame()).put("caller", hit.caller());
            source(rule.putObject("source"), hit.source());
        }
        return node;
    }

    private static void source(ObjectNode node, SourceRef source) {
        boolean hasFile = source != null && source.file() != null && !source.file().isEmpty();
        boolean hasLine = source != null && source.line() > 0;
        if (hasFile) {
            node.put("file", source.file());
        } else {
            node.putNull("file");
        }
        if (hasLine) {
            node.put("line", source.line());
        } else {
            node.putNull("line");
        }
    }

    private static void tree(ArrayNode out, DiffNode root) {
        if (root == null) {
            return;
        }
        Deque<DiffNode> nodes = new ArrayDeque<>();
        Deque<Integer> parents = new ArrayDeque<>();
        nodes.push(root);
        parents.push(-1);
        while (!nodes.isEmpty()) {
            DiffNode node = nodes.pop();
            int parent = parents.pop();
            int id = out.size();
            out.add(treeNode(node, parent));
            List<DiffNode> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                nodes.push(children.get(i));
                parents.push(id);
            }
        }
    }

    private static ObjectNode treeNode(DiffNode n, int parent) {
        ObjectNode node = NODES.objectNode();
        node.put("parent", parent);
        node.put("function", n.function());
        number(node, "base", n.base());
        number(node, "head", n.head());
        number(node, "delta", n.delta());
        interval(node, n.ci());
        number(node, "change", n.change());
        number(node, "qValue", n.qValue());
        node.put("significant", n.significant());
        node.put("culprit", n.culprit());
        return node;
    }

    public static void mismatches(ArrayNode out, List<EnvironmentMismatch> mismatches) {
        mismatches.forEach(m -> out.addObject().put("what", m.what()).put("base", m.base()).put("head", m.head()));
    }

    public static void interval(ObjectNode node, Interval ci) {
        if (ci == null) {
            node.putNull("ci");
            return;
        }
        ObjectNode out = node.putObject("ci");
        number(out, "low", ci.low());
        number(out, "high", ci.high());
    }

    public static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    public static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
