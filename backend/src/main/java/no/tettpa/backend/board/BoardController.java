package no.tettpa.backend.board;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;

import java.util.UUID;

@Controller("/api/v1/teams")
@Tag(name = "board")
@SecurityRequirement(name = "bearer")
public class BoardController {
    private final BoardService board;

    public BoardController(BoardService board) {
        this.board = board;
    }

    @Get("/{teamId}/board{?days}")
    @Operation(summary = "The team's FACT board (FACT-tavla) now: persons proposed for or on the board, red first, "
            + "with today's minutes and those of the last days (days: 1–90, default 7); for the team's members",
            description = "Colours: red = acute crisis or serious risk, daily contact; yellow = unstable, contact "
                    + "several times a week; green = stabilising, to come off the board. The same board reaches the "
                    + "team's devices through sync (board_entry, board_minute in the board category).")
    public BoardService.Board board(Caller caller, @PathVariable UUID teamId, @Nullable @QueryValue Integer days) {
        int d = days == null ? 7 : days;
        if (d < 1 || d > BoardService.MAX_DAYS) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "days must be between 1 and " + BoardService.MAX_DAYS);
        }
        return board.board(caller, teamId, d);
    }
}
