package no.tettpa.backend.arrears.model;

/**
 * Why one line of an imported file was not taken: its 1-based line number in the file (the header is line 1;
 * a record spanning lines is numbered where it starts), the column as the file names it, and a message. An error
 * about the whole file has line 1 and an empty column.
 */
public record LineError(int lineNumber, String column, String message) {
    static LineError aboutFile(String message) {
        return new LineError(1, "", message);
    }
}
