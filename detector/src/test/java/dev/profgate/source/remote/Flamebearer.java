package dev.profgate.source.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a profile as Pyroscope's legacy render answer (flamebearer JSON), as Pyroscope 0.x built it: frames merged by
 * function name, a root block named {@code total}, children in name order, each level a flat list of
 * {@code [xOffsetDelta, total, self, nameIndex]} with x offsets relative to the end of the previous block on the level.
 */
final class Flamebearer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Flamebearer() {
    }

    static String encode(Profile profile, String column) {
        NameTree names = NameTree.of(profile, profile.tree().selfValues(profile.header().indexOf(column)));
        long[] totals = names.totals();
        List<String> table = new ArrayList<>(List.of("total"));
        Map<String, Integer> index = new HashMap<>(Map.of("total", 0));
        List<List<Long>> levels = new ArrayList<>();
        List<Long> levelEnds = new ArrayList<>();
        Deque<long[]> stack = new ArrayDeque<>();
        stack.push(new long[] {0, 0, 0});
        while (!stack.isEmpty()) {
            long[] item = stack.pop();
            int node = (int) item[0];
            int depth = (int) item[1];
            long x = item[2];
            if (levels.size() == depth) {
                levels.add(new ArrayList<>());
                levelEnds.add(0L);
            }
            String name = node == 0 ? "total" : names.name(node);
            int nameIndex = index.computeIfAbsent(name, n -> {
                table.add(n);
                return table.size() - 1;
            });
            levels.get(depth).addAll(List.of(x - levelEnds.get(depth), totals[node], names.self(node), (long) nameIndex));
            levelEnds.set(depth, x + totals[node]);
            List<Integer> children = names.childrenByName(node).stream().filter(c -> totals[c] > 0).toList();
            long childX = x;
            long[] starts = new long[children.size()];
            for (int c = 0; c < children.size(); c++) {
                starts[c] = childX;
                childX += totals[children.get(c)];
            }
            for (int c = children.size() - 1; c >= 0; c--) {
                stack.push(new long[] {children.get(c), depth + 1, starts[c]});
            }
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode bearer = root.putObject("flamebearer");
        ArrayNode namesJson = bearer.putArray("names");
        table.forEach(namesJson::add);
        ArrayNode levelsJson = bearer.putArray("levels");
        levels.forEach(level -> {
            ArrayNode array = levelsJson.addArray();
            level.forEach(array::add);
        });
        bearer.put("numTicks", totals[0]);
        bearer.put("maxSelf", 0);
        root.putObject("metadata").put("format", "single").put("sampleRate", 100).put("spyName", "gospy")
                .put("units", "samples");
        return root.toString();
    }

    /** The call tree with frames of the same function name under one parent merged. */
    private record NameTree(List<Integer> parents, List<String> nameList, List<Long> selfList,
                            Map<Integer, List<Integer>> children) {
        static NameTree of(Profile profile, long[] self) {
            NameTree tree = new NameTree(new ArrayList<>(List.of(-1)), new ArrayList<>(List.of("total")),
                    new ArrayList<>(List.of(0L)), new HashMap<>());
            Map<String, Integer> byKey = new HashMap<>();
            CallTree from = profile.tree();
            int[] map = new int[from.size()];
            for (int node = 1; node < from.size(); node++) {
                String name = profile.frames().function(from.frame(node));
                int parent = map[from.parent(node)];
                map[node] = byKey.computeIfAbsent(parent + "\u0000" + name, k -> tree.add(parent, name));
                tree.selfList.set(map[node], tree.selfList.get(map[node]) + self[node]);
            }
            return tree;
        }

        int add(int parent, String name) {
            parents.add(parent);
            nameList.add(name);
            selfList.add(0L);
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(parents.size() - 1);
            return parents.size() - 1;
        }

        String name(int node) {
            return nameList.get(node);
        }

        long self(int node) {
            return selfList.get(node);
        }

        long[] totals() {
            long[] totals = new long[parents.size()];
            for (int node = totals.length - 1; node >= 0; node--) {
                totals[node] += selfList.get(node);
                if (node > 0) {
                    totals[parents.get(node)] += totals[node];
                }
            }
            return totals;
        }

        List<Integer> childrenByName(int node) {
            List<Integer> list = new ArrayList<>(children.getOrDefault(node, List.of()));
            list.sort((a, b) -> nameList.get(a).compareTo(nameList.get(b)));
            return list;
        }
    }
}
