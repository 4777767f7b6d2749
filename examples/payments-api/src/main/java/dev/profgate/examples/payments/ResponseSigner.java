package dev.profgate.examples.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs response bodies with HMAC-SHA256 so clients can verify them (one {@link Mac} per thread). */
public final class ResponseSigner {
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    /** A signer with this shared secret key. */
    public ResponseSigner(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** The lower-case hex HMAC of {@code body} in UTF-8. */
    public String sign(String body) {
        return HexFormat.of().formatHex(macs.get().doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }
}
