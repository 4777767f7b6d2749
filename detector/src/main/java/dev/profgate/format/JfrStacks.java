package dev.profgate.format;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Turns JFR stack traces into nodes of a call tree with interned, stable frames: Java frames as
 * {@code package.Class.method} with a derived source file, native frames (async-profiler's C++, kernel and
 * library frames, whose "class" is a library such as {@code libjvm.so}) as the bare symbol. The parser hands
 * out one {@link RecordedStackTrace} object per distinct stack of a chunk, so stacks are cached by identity.
 */
final class JfrStacks {
    private static final int MAX_CACHED_STACKS = 1 << 16;
    /** The descriptor async-profiler gives its native frames; no Java method has it. */
    private static final String NATIVE_DESCRIPTOR = "()L;";
    private static final ClassNames NATIVE_CODE = new ClassNames("", "");

    private record ClassNames(String prefix, String file) {
    }

    private final FrameTable frames = new FrameTable();
    private final CallTree shape = new CallTree(0);
    private final Map<RecordedStackTrace, Integer> leafByStack = new IdentityHashMap<>();
    private final Map<String, ClassNames> classNames = new HashMap<>();
    private int[] buffer = new int[256];

    /** The leaf node of {@code stackTrace} (the root for an event without a stack). */
    int leaf(RecordedStackTrace stackTrace) {
        if (stackTrace == null) {
            return CallTree.ROOT;
        }
        Integer cached = leafByStack.get(stackTrace);
        if (cached != null) {
            return cached;
        }
        List<RecordedFrame> stack = stackTrace.getFrames();
        if (stack.size() > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(stack.size(), buffer.length * 2));
        }
        for (int i = 0; i < stack.size(); i++) {
            buffer[i] = frameId(stack.get(i));
        }
        int leaf = shape.addStack(buffer, stack.size());
        if (leafByStack.size() >= MAX_CACHED_STACKS) {
            leafByStack.clear();
        }
        leafByStack.put(stackTrace, leaf);
        return leaf;
    }

    FrameTable frames() {
        return frames;
    }

    /** The tree of all stacks seen (node structure only, no values). */
    CallTree shape() {
        return shape;
    }

    private int frameId(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        RecordedClass type = method.getType();
        String className = type == null ? "" : type.getName();
        ClassNames names = isNativeCode(frame.getType(), method, className)
                ? NATIVE_CODE : classNames.computeIfAbsent(className, JfrStacks::classNames);
        return frames.intern(names.prefix + method.getName(), names.file, Math.max(0, frame.getLineNumber()));
    }

    /**
     * C++ and kernel frames, and async-profiler's "Native" frames of a library ({@code libc.so.6}, or {@code vdso}
     * for {@code [vdso]}); JDK JFR's "Native" frames are Java native methods, with a Java descriptor.
     */
    private static boolean isNativeCode(String frameType, RecordedMethod method, String className) {
        return "C++".equals(frameType) || "Kernel".equals(frameType) || "Native".equals(frameType)
                && (className.isEmpty() || NATIVE_DESCRIPTOR.equals(method.getDescriptor()));
    }

    private static ClassNames classNames(String rawClassName) {
        String className = JavaFrameNames.stableClassName(rawClassName);
        return new ClassNames(className.isEmpty() ? "" : className + ".", JavaFrameNames.sourceFile(className));
    }
}
