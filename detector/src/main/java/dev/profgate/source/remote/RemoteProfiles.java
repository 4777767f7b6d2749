package dev.profgate.source.remote;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.format.FlamebearerReader;
import dev.profgate.format.PprofReader;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Turns a server's answer into a message or a profile: pprof bytes (raw or gzipped; an empty answer is a profile
 * without samples) or flamebearer JSON. A malformed answer is one error naming the server and the request.
 */
final class RemoteProfiles {
    private RemoteProfiles() {
    }

    /** A protobuf parse of an answer. */
    interface Parse<T> {
        T run() throws InvalidProtocolBufferException;
    }

    /** The message {@code parse} reads; a failure names the request {@code what}. */
    static <T> T message(HttpCaller caller, String what, Parse<T> parse) {
        try {
            return parse.run();
        } catch (InvalidProtocolBufferException e) {
            throw caller.error(what, "the answer is not the expected protobuf message (" + e.getMessage() + ")");
        }
    }

    /** A profile of {@code source} with no sample types and no samples: what a window without data gives. */
    static Profile empty(String source) {
        return new Profile(source, new ProfileHeader(List.of(), 0, null, 0, 0, 0), new FrameTable(), new CallTree(1),
                null);
    }

    /** Reads pprof {@code bytes} within {@code limits}; an error names the server and the request {@code what}. */
    static Profile pprof(byte[] bytes, Limits limits, HttpCaller caller, String what, String source) {
        if (bytes.length == 0) {
            return empty(source);
        }
        try {
            Profile read = PprofReader.read(new ByteArrayInputStream(bytes), source, limits);
            return read.header().sampleTypes().isEmpty() ? empty(source) : read;
        } catch (BadInputException e) {
            throw caller.error(what, "the answer is " + problem(e, source));
        }
    }

    /** Reads flamebearer JSON {@code bytes} within {@code limits}; an error names server and request {@code what}. */
    static Profile flamebearer(byte[] bytes, Limits limits, HttpCaller caller, String what, String source) {
        try {
            return FlamebearerReader.read(bytes, source, limits);
        } catch (BadInputException e) {
            throw caller.error(what, "the answer is " + problem(e, source));
        }
    }

    private static String problem(BadInputException e, String source) {
        String prefix = source + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }
}
