package dev.profgate.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed process leaves beside a folder it was writing: staging the folder again removes the leftovers of a
 * process that is gone, puts back an old folder it had moved aside, and leaves those of a live process alone.
 */
class FoldersTest {
    @TempDir
    Path tmp;

    @Test
    void aDeadProcessStagingFolderIsRemoved() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("report.txt"), "old");
        Path leftover = leftover(target, "tmp", deadPid());
        Path staging = Folders.createStaging(target);
        assertEquals(List.of(staging.getFileName().toString(), "out"), entries());
        assertEquals("old", Files.readString(target.resolve("report.txt")));
        assertTrue(Files.notExists(leftover));
    }

    @Test
    void anOldFolderMovedAsideByADeadProcessIsPutBack() throws Exception {
        Path target = tmp.resolve("baseline");
        Path old = leftover(target, "old", deadPid());
        Path staging = Folders.createStaging(target);
        assertEquals("old", Files.readString(target.resolve("report.txt")));
        assertEquals(List.of(staging.getFileName().toString(), "baseline"), entries());
        assertTrue(Files.notExists(old));
    }

    @Test
    void aLiveProcessLeftoversStay() throws Exception {
        Path target = tmp.resolve("out");
        Path live = leftover(target, "tmp", ProcessHandle.current().pid());
        Folders.createStaging(target);
        assertTrue(Files.isDirectory(live));
    }

    @Test
    void aFailedWriteNamesTheFolderAndTheReasonNeverTheStagingFolder() throws Exception {
        Path target = tmp.resolve("reports");
        Path staging = Folders.hiddenSibling(target, "tmp");
        assertEquals("permission denied in " + tmp,
                Folders.whyNotWritten(new AccessDeniedException(staging.toString())));
        assertEquals("read-only file system in " + tmp, Folders.whyNotWritten(new FileSystemException(
                staging.resolve("report.md").toString(), null, "Read-only file system")));
        assertEquals("no such file or folder in " + tmp, Folders.whyNotWritten(new NoSuchFileException(
                staging.toString())));
        Path file = Files.writeString(tmp.resolve("notes"), "x");
        assertEquals(file + " is a file, not a folder", Folders.whyNotWritten(new FileAlreadyExistsException(
                file.toString())));
        assertEquals("disk on fire", Folders.whyNotWritten(new IOException("disk on fire")));
    }

    /** A leftover folder of {@code role} beside {@code target} made by process {@code pid}, holding one file. */
    private static Path leftover(Path target, String role, long pid) throws IOException {
        Path dir = Files.createDirectory(target.resolveSibling("." + target.getFileName() + "." + role + "-" + pid + "-"
                + UUID.randomUUID()));
        Files.writeString(dir.resolve("report.txt"), "old");
        return dir;
    }

    /** The id of a process that has ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
