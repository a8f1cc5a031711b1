package no.tettpa.backend.arrears.model;

import java.util.List;

/** The lines of an imported arrears list that were taken whole, and the reasons for every line that was not. */
public record ParseResult(List<ArrearsLine> good, List<LineError> bad) {
    public ParseResult {
        good = List.copyOf(good);
        bad = List.copyOf(bad);
    }

    static ParseResult fileError(String message) {
        return new ParseResult(List.of(), List.of(LineError.aboutFile(message)));
    }
}
