package dev.profgate.deploy;

import dev.profgate.base.BadInputException;
import dev.profgate.config.DeploySettings;
import dev.profgate.source.remote.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files holding a deploy check's secrets, each may be null: a bearer token and a basic-auth password. */
public record SecretFiles(Path token, Path password) {
    /**
     * The server's credentials: the token from its file, else from the variable {@code tokenEnv} names, else from
     * PROFGATE_TOKEN, else PYROSCOPE_TOKEN; the user, with the password from its file, else from the variable
     * {@code passwordEnv} names.
     */
    Credentials credentials(DeploySettings settings) {
        String bearer = token != null ? read(token)
                : settings.tokenEnv() != null ? env(settings.tokenEnv()) : defaultToken();
        String user = settings.user();
        String secret = password != null ? read(password) : env(settings.passwordEnv());
        return new Credentials(bearer, user, user == null ? null : secret);
    }

    /** PROFGATE_TOKEN, else PYROSCOPE_TOKEN (as the GitHub Action sets it). */
    private static String defaultToken() {
        String profgate = env("PROFGATE_TOKEN");
        return profgate != null ? profgate : env("PYROSCOPE_TOKEN");
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read the secret file: " + e.getMessage());
        }
    }
}
