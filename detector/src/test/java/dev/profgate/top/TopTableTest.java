package dev.profgate.top;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopTableTest {

    /** Go compares names as UTF-8 bytes; Java's compareTo (UTF-16) disagrees when surrogates meet U+E000+. */
    @Test
    void equalFlatsSortByTheUtf8BytesOfTheName() {
        List<String> names = List.of("zeta", "Zeta", "émile", "日本", "\uFFFD", "😀", "\uE000", "a😀", "a\uFFFF", "a");
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(1);
        for (String name : names) {
            int[] stack = {frames.intern(name, "", 0)};
            tree.addSelf(tree.addStack(stack, 1), 0, 5);
        }
        int[] big = {frames.intern("hot", "", 0)};
        tree.addSelf(tree.addStack(big, 1), 0, 50);
        Profile profile = new Profile("names", new ProfileHeader(List.of(new SampleType("samples", "count")), 0,
                null, 0, 0, 0), frames, tree, null);

        List<String> sorted = TopTable.of(profile, 0, 0).rows().stream().map(TopRow::function).toList();

        List<String> expected = names.stream()
                .sorted(Comparator.comparing(n -> n.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
                .toList();
        assertEquals("hot", sorted.get(0));
        assertEquals(expected, sorted.subList(1, sorted.size()));
    }
}
