package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.publish.TestGit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoFilesTest {
    @TempDir
    Path tmp;

    @Test
    void framesMapToTrackedFilesOfARealGitCheckout() throws Exception {
        List<String> tracked = List.of("service/src/main/java/com/acme/pay/CardValidator.java",
                "service/src/main/kotlin/com/acme/pay/Ledger.kt", "internal/payments/payments.go",
                "tools/payments/payments.go", "cmd/server/main.go", "lib/a/Util.java", "lib/b/Util.java");
        for (String file : tracked) {
            Files.createDirectories(tmp.resolve(file).getParent());
            Files.writeString(tmp.resolve(file), "// " + file + "\n");
        }
        Files.writeString(tmp.resolve("untracked.go"), "package main\n");
        TestGit.run(tmp, "init", "-q");
        List<String> add = new ArrayList<>(List.of("add", "--"));
        add.addAll(tracked);
        TestGit.run(tmp, add.toArray(String[]::new));
        List<String> notes = new ArrayList<>();
        RepoFiles files = RepoFiles.of(tmp, notes);
        assertEquals(List.of(), notes);

        assertEquals(Optional.of(tracked.get(0)), files.resolve("com/acme/pay/CardValidator.java",
                "com.acme.pay.CardValidator.isValid"), "JVM source path, as JFR names it");
        assertEquals(Optional.of(tracked.get(0)), files.resolve("", "com.acme.pay.CardValidator$Rules.lambda$check$0"),
                "no file: the outer class of the function");
        assertEquals(Optional.of(tracked.get(1)), files.resolve("", "com.acme.pay.Ledger.post"));
        assertEquals(Optional.of(tracked.get(2)), files.resolve(
                "/home/runner/work/payments/payments/internal/payments/payments.go", "payments.validate"),
                "an absolute build path ends with the repository path");
        assertEquals(Optional.of(tracked.get(4)), files.resolve("C:\\build\\cmd\\server\\main.go", "main.main"));
        assertEquals(Optional.empty(), files.resolve("payments.go", "payments.validate"), "two candidates, no class");
        assertEquals(Optional.of("lib/b/Util.java"), files.resolve("Util.java", "b.Util.run"),
                "two candidates narrowed by the class");
        assertEquals(Optional.empty(), files.resolve("java/util/regex/Pattern.java",
                "java.util.regex.Pattern.compile"), "library code is not in the repository");
        assertEquals(Optional.empty(), files.resolve("untracked.go", "main.x"), "only tracked files");
        assertEquals(Optional.empty(), files.resolve("other/payments/payments.go", "payments.validate"),
                "a path that neither ends the other");
    }

    @Test
    void aFolderThatIsNoCheckoutGivesNoFilesAndSaysWhy() {
        List<String> notes = new ArrayList<>();
        RepoFiles files = RepoFiles.of(tmp, notes);
        assertEquals(Optional.empty(), files.resolve("a.go", "main.a"));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("no git checkout in " + tmp), notes.toString());
    }

    @Test
    void jvmSourcePathsComeFromClassNamesOnly() {
        assertEquals(Optional.of("com/acme/Pay"), RepoFiles.jvmSourcePath("com.acme.Pay$1.run"));
        assertEquals(Optional.of("Main"), RepoFiles.jvmSourcePath("Main.main"));
        assertEquals(Optional.empty(), RepoFiles.jvmSourcePath("payments.validate"));
        assertEquals(Optional.empty(), RepoFiles.jvmSourcePath("github.com/acme/pay.(*T).Run"));
        assertEquals(Optional.empty(), RepoFiles.jvmSourcePath("malloc"));
    }
}
