package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Generated class names as JVMs and profilers write them lose their per-run parts; files come from class names. */
class JavaFrameNamesTest {
    @Test
    void lambdaAndHiddenClassNamesLoseNumbersAndAddresses() {
        assertEquals("com.acme.Foo$$Lambda", JavaFrameNames.stableClassName("com.acme.Foo$$Lambda$123/0x000000080012a040"));
        // JDK 17 JFR: '+' before the address and an identity hash after it
        assertEquals("com.acme.Foo$$Lambda",
                JavaFrameNames.stableClassName("com.acme.Foo$$Lambda$88+0x00007fe538007a08.1790421142"));
        // JDK 21+ JFR and async-profiler: '.' before the address
        assertEquals("com.acme.Foo$$Lambda", JavaFrameNames.stableClassName("com.acme.Foo$$Lambda.0x0000000027045210"));
        assertEquals("java.lang.invoke.LambdaForm$MH",
                JavaFrameNames.stableClassName("java.lang.invoke.LambdaForm$MH/0x0000000800c0c400"));
    }

    @Test
    void reflectionAccessorsAndProxiesLoseTheirCounters() {
        assertEquals("jdk.internal.reflect.GeneratedMethodAccessor",
                JavaFrameNames.stableClassName("jdk.internal.reflect.GeneratedMethodAccessor17"));
        assertEquals("jdk.internal.reflect.GeneratedSerializationConstructorAccessor",
                JavaFrameNames.stableClassName("jdk.internal.reflect.GeneratedSerializationConstructorAccessor3"));
        assertEquals("com.sun.proxy.$Proxy", JavaFrameNames.stableClassName("com.sun.proxy.$Proxy12"));
        assertEquals("jdk.proxy.$Proxy", JavaFrameNames.stableClassName("jdk.proxy2.$Proxy15"));
        assertEquals("com.acme.Service$$EnhancerBySpringCGLIB$$",
                JavaFrameNames.stableClassName("com.acme.Service$$EnhancerBySpringCGLIB$$5a3c1f2e"));
        assertEquals("com.acme.Service$$SpringCGLIB$$", JavaFrameNames.stableClassName("com.acme.Service$$SpringCGLIB$$0"));
        assertEquals("com.acme.Service$ByteBuddy", JavaFrameNames.stableClassName("com.acme.Service$ByteBuddy$aB3dE9"));
        assertEquals("jdk.jfr.internal.handlers.EventHandler",
                JavaFrameNames.stableClassName("jdk.jfr.internal.handlers.EventHandler1386_1795641749447-18188"));
    }

    @Test
    void ordinaryNamesAreKeptWithSlashesAsDots() {
        assertEquals("java.util.HashMap$Node", JavaFrameNames.stableClassName("java/util/HashMap$Node"));
        assertEquals("com.acme.Proxy2Handler", JavaFrameNames.stableClassName("com.acme.Proxy2Handler"));
        assertEquals("com.acme.Foo$1", JavaFrameNames.stableClassName("com.acme.Foo$1"));
    }

    @Test
    void sourceFileIsThePackagePathAndTheOuterClass() {
        assertEquals("com/acme/Foo.java", JavaFrameNames.sourceFile("com.acme.Foo"));
        assertEquals("com/acme/Foo.java", JavaFrameNames.sourceFile("com.acme.Foo$Inner$1"));
        assertEquals("com/acme/Foo.java", JavaFrameNames.sourceFile("com.acme.Foo$$Lambda"));
        assertEquals("Main.java", JavaFrameNames.sourceFile("Main"));
        assertEquals("", JavaFrameNames.sourceFile("jdk.proxy.$Proxy"));
        assertEquals("", JavaFrameNames.sourceFile(""));
    }
}
