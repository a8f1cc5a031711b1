package no.tettpa.backend.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/devices")
@Tag(name = "devices")
@SecurityRequirement(name = "bearer")
public class DeviceController {
    private final DeviceService devices;

    public DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @Get
    @Operation(summary = "Devices the caller manages (all: administrator; the team's members': leader; own: worker)")
    public List<DeviceService.DeviceView> list(Caller caller, @QueryValue @Nullable UUID staffId) {
        return devices.list(caller, staffId);
    }

    @Post("/{id}/revocation")
    @Operation(summary = "Revoke a (lost) device: its next contact wipes it, later requests are refused")
    public DeviceService.DeviceView revoke(Caller caller, @PathVariable UUID id, @Body DeviceService.Revocation revocation) {
        return devices.revoke(caller, id, revocation);
    }
}
