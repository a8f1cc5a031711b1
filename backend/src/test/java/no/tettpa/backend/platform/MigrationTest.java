package no.tettpa.backend.platform;

import no.tettpa.backend.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationTest {
    @Test
    void migratesAnEmptyDatabaseAndValidatesOnASecondRun() throws Exception {
        String url = TestDatabase.freshDatabase();
        var server = TestDatabase.server();
        Flyway flyway = Flyway.configure().dataSource(url, server.user(), server.password())
                .locations("classpath:db/migration").load();

        var result = flyway.migrate();
        assertTrue(result.success);
        assertTrue(result.migrationsExecuted >= 1, "every migration runs on an empty database");
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second start has nothing to do");
        flyway.validate();

        List<String> tables = new ArrayList<>();
        try (var c = DriverManager.getConnection(url, server.user(), server.password());
             var rs = c.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("municipality", "team", "staff", "team_member", "person")), tables.toString());
    }
}
