package dev.profgate.base;

/** The release of profgate, as the command line and the outputs that name their tool report it. */
public final class Version {
    /** The version number. */
    public static final String NUMBER = "0.1.0";
    /** Where profgate lives and is documented: its repository. */
    public static final String HOME = "https://github.com/profgate/profgate";

    private Version() {
    }
}
