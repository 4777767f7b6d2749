package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathUriTest {
    @Test
    void keepsPathCharactersAndPercentEncodesTheRest() {
        assertEquals("/src/app/Main.java", PathUri.of("/src/app/Main.java"));
        assertEquals("a%20b%3Cc%3E%25%23%3F%5C%C3%BC.go", PathUri.of("a b<c>%#?\\ü.go"));
        assertEquals("C%3A/src/x%3Ay.go", PathUri.of("C:/src/x:y.go"));
    }

    @Test
    void encodesWhatCouldEndAMarkdownLink() {
        assertEquals("a%28b%29%5Bc%5D.java", PathUri.of("a(b)[c].java"));
    }
}
