package dev.profgate.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Writes and strictly reads {@code manifest.json}: a missing or mistyped field is a one-line error. */
final class ManifestJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestJson() {
    }

    static byte[] write(BaselineManifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", BaselineManifest.SCHEMA_VERSION);
        root.put("service", manifest.service());
        root.put("commit", manifest.commit());
        root.put("date", manifest.date().toString());
        Environment.Jvm jvm = manifest.environment().jvm();
        root.putObject("jvm").put("vendor", jvm.vendor()).put("name", jvm.name()).put("version", jvm.version());
        Environment.Machine machine = manifest.environment().machine();
        root.putObject("machine").put("os", machine.os()).put("arch", machine.arch()).put("cpus", machine.cpus());
        manifest.profileTypes().forEach(root.putArray("profileTypes")::add);
        ObjectNode jmh = root.putObject("jmhOptions");
        manifest.environment().jmhOptions().forEach((benchmark, options) -> {
            ObjectNode node = jmh.putObject(benchmark);
            options.forEach(node::put);
        });
        ArrayNode files = root.putArray("files");
        manifest.files().forEach(f -> files.addObject().put("path", f.path()).put("sha256", f.sha256()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** Reads the manifest {@code file}; {@code input} names the baseline in errors. */
    static BaselineManifest read(Path file, String input, Limits limits) {
        JsonNode root = parse(file, input, limits);
        Reader in = new Reader(input);
        int version = in.integer(root, "schemaVersion");
        if (version > BaselineManifest.SCHEMA_VERSION) {
            throw new BadInputException(input, "manifest.json has schema version " + version + ", newer than this "
                    + "profgate reads (" + BaselineManifest.SCHEMA_VERSION + "); upgrade profgate");
        }
        if (version < 1) {
            throw in.malformed("schemaVersion " + version + " is not a version");
        }
        JsonNode jvm = in.object(root, "jvm");
        JsonNode machine = in.object(root, "machine");
        Environment environment = new Environment(
                new Environment.Jvm(in.optionalText(jvm, "vendor"), in.text(jvm, "name"), in.text(jvm, "version")),
                new Environment.Machine(in.text(machine, "os"), in.text(machine, "arch"), in.integer(machine, "cpus")),
                in.jmhOptions(in.object(root, "jmhOptions")));
        String commit = in.optionalText(root, "commit");
        if (commit != null && !GitCommit.isHash(commit)) {
            throw in.malformed("'commit' is not a commit hash");
        }
        return new BaselineManifest(in.optionalText(root, "service"), commit,
                in.instant(root, "date"), environment, in.texts(in.array(root, "profileTypes")),
                in.files(in.array(root, "files")));
    }

    private static JsonNode parse(Path file, String input, Limits limits) {
        try {
            limits.checkFileBytes(file.toString(), file);
            return JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(input, "not a baseline (no manifest.json)");
        } catch (JsonProcessingException e) {
            throw new BadInputException(input, "malformed manifest.json (not valid JSON near line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new BadInputException(input, "cannot read manifest.json: " + e.getMessage(), e);
        }
    }

    /** Typed access to manifest fields; every failure names the field. */
    private record Reader(String input) {
        BadInputException malformed(String problem) {
            return new BadInputException(input, "malformed manifest.json (" + problem + ")");
        }

        JsonNode object(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isObject()) {
                throw malformed("'" + field + "' must be an object");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isArray()) {
                throw malformed("'" + field + "' must be an array");
            }
            return node;
        }

        String text(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isTextual() || node.asText().isEmpty()) {
                throw malformed("'" + field + "' must be a non-empty string");
            }
            if (node.asText().codePoints().anyMatch(ManifestJson.Reader::isControl)) {
                throw malformed("'" + field + "' holds control characters");
            }
            return node.asText();
        }

        /** Control and format characters (terminal escapes, bidi overrides): never in a field that gets printed. */
        private static boolean isControl(int cp) {
            return Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT;
        }

        String optionalText(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            return node == null || node.isNull() ? null : text(parent, field);
        }

        int integer(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isInt()) {
                throw malformed("'" + field + "' must be an integer");
            }
            return node.asInt();
        }

        Instant instant(JsonNode parent, String field) {
            String text = text(parent, field);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw malformed("'" + field + "' is not an ISO-8601 UTC time: " + text);
            }
        }

        List<String> texts(JsonNode array) {
            List<String> texts = new ArrayList<>();
            for (JsonNode node : array) {
                if (!node.isTextual()) {
                    throw malformed("a list holds a non-string");
                }
                texts.add(node.asText());
            }
            return texts;
        }

        SortedMap<String, SortedMap<String, String>> jmhOptions(JsonNode node) {
            SortedMap<String, SortedMap<String, String>> options = new TreeMap<>();
            for (Map.Entry<String, JsonNode> benchmark : node.properties()) {
                SortedMap<String, String> own = new TreeMap<>();
                for (Map.Entry<String, JsonNode> option : object(node, benchmark.getKey()).properties()) {
                    own.put(option.getKey(), text(benchmark.getValue(), option.getKey()));
                }
                options.put(benchmark.getKey(), own);
            }
            return options;
        }

        List<BaselineManifest.StoredFile> files(JsonNode array) {
            List<BaselineManifest.StoredFile> files = new ArrayList<>();
            for (JsonNode node : array) {
                if (!node.isObject()) {
                    throw malformed("'files' holds a non-object");
                }
                String sha256 = text(node, "sha256");
                if (!sha256.matches("[0-9a-f]{64}")) {
                    throw malformed("'sha256' of " + text(node, "path") + " is not 64 lower-case hex digits");
                }
                files.add(new BaselineManifest.StoredFile(text(node, "path"), sha256));
            }
            return files;
        }
    }
}
