package dev.profgate.testjmh21;

/** The jar's main class, compiled for Java 21 like the benchmark: Java 17 can neither list nor run them. */
public final class Main {
    private Main() {
    }

    /** JMH's command line. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
