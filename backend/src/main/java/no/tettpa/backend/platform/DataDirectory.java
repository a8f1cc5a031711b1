package no.tettpa.backend.platform;

import java.nio.file.Path;
import java.util.Map;

/** Where the embedded database and the development issuer's key live: {@code TETTPA_DATA_DIR}, else ~/.tettpa. */
public final class DataDirectory {
    private DataDirectory() {}

    public static Path resolve(Map<String, String> env) {
        String configured = env.get("TETTPA_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".tettpa").toAbsolutePath();
    }
}
