package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesEveryReportAndNoTemporaryFolderRemains() throws IOException {
        Path out = tmp.resolve("reports/demo");
        ReportData data = Comparisons.data(Comparisons.regexPerCall(), "demo/cpu");
        ReportWriter.writeAll(data, out);
        assertEquals(List.of("flamegraph.html", "flamegraph.svg", "junit.xml", "report.json", "report.md",
                "report.sarif", "report.txt"), list(out));
        assertEquals(FlameGraphHtml.render(data), Files.readString(out.resolve("flamegraph.html")));
        assertEquals(FlameGraphSvg.render(data), Files.readString(out.resolve("flamegraph.svg")));
        assertEquals(JsonReport.render(Comparisons.regexPerCall()), Files.readString(out.resolve("report.json")));
        assertEquals(MarkdownReport.render(Comparisons.regexPerCall(), "demo/cpu"),
                Files.readString(out.resolve("report.md")));
        assertEquals(TextReport.render(Comparisons.regexPerCall()), Files.readString(out.resolve("report.txt")));
        assertEquals(JUnitReport.render(data), Files.readString(out.resolve("junit.xml")));
        assertEquals(SarifReport.render(data), Files.readString(out.resolve("report.sarif")));
        assertEquals(List.of("demo"), list(tmp.resolve("reports")));
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertTrue(Files.getPosixFilePermissions(out).contains(PosixFilePermission.OTHERS_READ)
                    == Files.getPosixFilePermissions(tmp.resolve("reports")).contains(PosixFilePermission.OTHERS_READ),
                    "the report folder gets the same default permissions as a folder made by mkdir");
        }
    }

    @Test
    void replacesAnEarlierReport() throws IOException {
        Path out = tmp.resolve("out");
        ReportWriter.writeAll(Comparisons.data(Comparisons.regexPerCall(), "g"), out);
        ReportWriter.writeAll(Comparisons.data(Comparisons.clean(), "g"), out);
        assertEquals(JsonReport.render(Comparisons.clean()), Files.readString(out.resolve("report.json")));
        assertEquals(List.of("out"), list(tmp));
    }

    @Test
    void leavesAFolderWithOtherFilesAlone() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(out.resolve("Main.java"), "class Main {}");
        BadInputException e = assertThrows(BadInputException.class,
                () -> ReportWriter.writeAll(Comparisons.data(Comparisons.clean(), "g"), out));
        assertTrue(e.getMessage().startsWith(out + ": ") && e.getMessage().contains("Main.java"), e.getMessage());
        assertEquals(List.of("Main.java"), list(out));
        assertEquals(List.of("src"), list(tmp));
    }

    @Test
    void aFileInTheWayIsBadInput() throws IOException {
        Path out = Files.writeString(tmp.resolve("taken"), "x");
        assertThrows(BadInputException.class,
                () -> ReportWriter.writeAll(Comparisons.data(Comparisons.clean(), "g"), out));
        assertEquals("x", Files.readString(out));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
