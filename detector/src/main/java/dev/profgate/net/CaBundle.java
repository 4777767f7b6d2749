package dev.profgate.net;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS context that trusts exactly the certificates of a PEM (or DER) CA bundle; host names are still verified. */
final class CaBundle {
    private CaBundle() {
    }

    /** The context trusting the certificates in {@code bundle}. */
    static SSLContext sslContext(Path bundle) {
        String source = Network.CA_BUNDLE + " " + bundle;
        try (InputStream in = Files.newInputStream(bundle)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new BadInputException(source, "no certificate in the file");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new BadInputException(source, "not a PEM or DER certificate bundle (" + e.getMessage() + ")");
        }
    }
}
