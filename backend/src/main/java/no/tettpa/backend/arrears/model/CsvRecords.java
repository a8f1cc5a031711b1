package no.tettpa.backend.arrears.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180 with the separator of the file's choice): fields may be quoted with
 * {@code "}, a quote inside a quoted field is doubled, and a quoted field may hold separators and line breaks.
 * Lines end with CRLF, LF or a lone CR. Each record keeps the line it starts on.
 */
final class CsvRecords {
    private CsvRecords() {}

    /** A record and, when it is malformed, why (else {@code problem} is null). */
    record CsvRecord(int lineNumber, List<String> fields, String problem) {
        boolean isBlank() {
            return problem == null && fields.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The separator the header uses: {@code ;} unless the first line has more commas than semicolons outside
     * quotes. Semicolon wins a tie because Norwegian spreadsheets write it (the comma is the decimal mark).
     */
    static char detectSeparator(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    static List<CsvRecord> read(String text, char separator) {
        return new Reader(text, separator).readAll();
    }

    private static final class Reader {
        private final String text;
        private final char separator;
        private int position;
        private int line = 1;

        Reader(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        List<CsvRecord> readAll() {
            List<CsvRecord> records = new ArrayList<>();
            while (position < text.length()) {
                records.add(readRecord());
            }
            return records;
        }

        private CsvRecord readRecord() {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            String problem = null;
            while (true) {
                StringBuilder field = new StringBuilder();
                if (peek() == '"') {
                    position++;
                    if (!readQuoted(field)) {
                        fields.add(field.toString());
                        return new CsvRecord(startLine, fields,
                                "A quoted value is never closed, so the rest of the file could not be read");
                    }
                    if (!atFieldEnd() && problem == null) {
                        problem = "Text follows a closing quote; a quote inside a quoted value must be doubled (\"\")";
                    }
                }
                readUnquoted(field);
                fields.add(field.toString());
                if (position < text.length() && text.charAt(position) == separator) {
                    position++;
                    continue;
                }
                skipLineBreak();
                return new CsvRecord(startLine, fields, problem);
            }
        }

        /** Reads up to and past the closing quote; false when the text ends first. */
        private boolean readQuoted(StringBuilder field) {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '"') {
                    if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                        field.append('"');
                        position += 2;
                        continue;
                    }
                    position++;
                    return true;
                }
                if (c == '\r' || c == '\n') {
                    skipLineBreak();
                    field.append('\n');
                    continue;
                }
                field.append(c);
                position++;
            }
            return false;
        }

        private void readUnquoted(StringBuilder field) {
            while (!atFieldEnd()) {
                field.append(text.charAt(position++));
            }
        }

        private boolean atFieldEnd() {
            if (position >= text.length()) {
                return true;
            }
            char c = text.charAt(position);
            return c == separator || c == '\r' || c == '\n';
        }

        private void skipLineBreak() {
            if (position >= text.length()) {
                return;
            }
            if (text.charAt(position) == '\r') {
                position++;
                if (position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
            } else if (text.charAt(position) == '\n') {
                position++;
            }
            line++;
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }
    }
}
