package no.tettpa.backend.arrears;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;

import java.util.UUID;

@Controller("/api/v1/arrears/imports")
@Tag(name = "arrears")
@SecurityRequirement(name = "bearer")
public class ArrearsImportController {
    private final ArrearsImport imports;

    public ArrearsImportController(ArrearsImport imports) {
        this.imports = imports;
    }

    @Post
    @Consumes({"text/csv", "text/plain"})
    @Operation(summary = "Import an arrears list (CSV, ; or , separated, UTF-8): a case and a contact task per good line, "
            + "every bad line reported with its line number")
    public ArrearsImport.Result importList(Caller caller, @QueryValue UUID teamId, @Body byte[] csv) {
        return imports.importList(caller, teamId, csv);
    }
}
