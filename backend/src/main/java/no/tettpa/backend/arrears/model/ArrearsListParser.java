package no.tettpa.backend.arrears.model;

import no.tettpa.backend.persons.model.NationalIdentityNumber;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a rent-arrears list exported from a landlord's or NAV's system: CSV in UTF-8 (a byte-order mark is
 * allowed), separated by {@code ;} or {@code ,} as the header line shows, with a header on line 1 naming the
 * columns in Norwegian or English, in any order and any case. Unknown columns are ignored.
 *
 * <p>A line is taken whole or not at all: every problem on it is reported, with the line it starts on, and none
 * of it reaches {@link ParseResult#good()}. Problems with the file itself (not UTF-8, over {@value #MAX_BYTES}
 * bytes or {@value #MAX_DATA_LINES} data lines, a required column missing or named twice) reject the whole file
 * as one error on line 1. Blank lines, and lines whose every cell is empty, are skipped.
 */
public final class ArrearsListParser {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_DATA_LINES = 10_000;
    /** How far ahead a notice may be dated; beyond this it is almost surely a typing error in the year. */
    public static final int MAX_DAYS_AHEAD = 366;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_ADDRESS_LENGTH = 300;

    private ArrearsListParser() {}

    public static ParseResult parse(byte[] content, LocalDate today) {
        if (content.length > MAX_BYTES) {
            return ParseResult.fileError("The file is larger than 5 MB; split it into smaller files.");
        }
        Optional<String> decoded = utf8(content);
        if (decoded.isEmpty()) {
            return ParseResult.fileError("The file is not UTF-8 text; save it as \"CSV UTF-8\" and try again.");
        }
        String text = decoded.get().startsWith("\uFEFF") ? decoded.get().substring(1) : decoded.get();
        if (text.isBlank()) {
            return ParseResult.fileError("The file is empty.");
        }
        List<CsvRecords.CsvRecord> records = CsvRecords.read(text, CsvRecords.detectSeparator(text));
        CsvRecords.CsvRecord headerLine = records.get(0);
        if (headerLine.problem() != null) {
            return ParseResult.fileError(headerLine.problem() + " (in the header).");
        }
        if (headerLine.isBlank()) {
            return ParseResult.fileError("Line 1 must be the header naming the columns.");
        }
        Header header = Header.of(headerLine.fields());
        if (!header.problems().isEmpty()) {
            return new ParseResult(List.of(), header.problems().stream().map(LineError::aboutFile).toList());
        }
        List<CsvRecords.CsvRecord> dataLines = records.subList(1, records.size()).stream()
                .filter(r -> !r.isBlank())
                .toList();
        if (dataLines.size() > MAX_DATA_LINES) {
            return ParseResult.fileError("The file has " + dataLines.size() + " data lines; at most "
                    + MAX_DATA_LINES + " can be imported at once.");
        }
        List<ArrearsLine> good = new ArrayList<>();
        List<LineError> bad = new ArrayList<>();
        for (CsvRecords.CsvRecord record : dataLines) {
            List<LineError> errors = new ArrayList<>();
            readLine(record, header, today, errors).ifPresent(good::add);
            bad.addAll(errors);
        }
        return new ParseResult(good, bad);
    }

    private static Optional<String> utf8(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static Optional<ArrearsLine> readLine(CsvRecords.CsvRecord record, Header header, LocalDate today,
                                                  List<LineError> errors) {
        int lineNumber = record.lineNumber();
        if (record.problem() != null) {
            errors.add(new LineError(lineNumber, "", record.problem() + "."));
            return Optional.empty();
        }
        if (record.fields().size() != header.width()) {
            errors.add(new LineError(lineNumber, "", "The line has " + record.fields().size() + " values but the"
                    + " header has " + header.width() + "; a value holding the separator must be in quotes."));
            return Optional.empty();
        }
        Cells cells = new Cells(record, header, errors);
        String tenantName = cells.text(ArrearsColumn.TENANT_NAME, MAX_NAME_LENGTH);
        String nationalId = cells.nationalId();
        String address = cells.text(ArrearsColumn.ADDRESS, MAX_ADDRESS_LENGTH);
        String landlord = cells.text(ArrearsColumn.LANDLORD, MAX_NAME_LENGTH);
        LandlordType landlordType = cells.landlordType();
        BigDecimal monthlyRent = cells.read(ArrearsColumn.MONTHLY_RENT, ArrearsValues::amount);
        BigDecimal amountOwed = cells.read(ArrearsColumn.AMOUNT_OWED, ArrearsValues::amount);
        Integer months = cells.read(ArrearsColumn.MONTHS_IN_ARREARS, ArrearsValues::monthsInArrears);
        LocalDate noticeDate = cells.noticeDate(today);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ArrearsLine(lineNumber, tenantName, nationalId, address, landlord, landlordType,
                monthlyRent, amountOwed, months, noticeDate));
    }

    /** Which file column holds each known column, as the header names it. */
    private record Header(int width, Map<ArrearsColumn, Integer> index, List<String> names, List<String> problems) {
        static Header of(List<String> cells) {
            Map<ArrearsColumn, Integer> index = new EnumMap<>(ArrearsColumn.class);
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int position = i;
                ArrearsColumn.named(cells.get(i)).ifPresent(column -> {
                    if (index.putIfAbsent(column, position) != null) {
                        problems.add("The header names the column " + column.bothNames() + " more than once.");
                    }
                });
            }
            String missing = Arrays.stream(ArrearsColumn.values())
                    .filter(c -> c.required() && !index.containsKey(c))
                    .map(ArrearsColumn::bothNames)
                    .collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                problems.add("The header lacks required columns: " + missing + ".");
            }
            return new Header(cells.size(), index, cells.stream().map(String::strip).toList(), problems);
        }
    }

    /** Reads the cells of one line, noting every problem; a value is null when its cell has a problem. */
    private static final class Cells {
        private final CsvRecords.CsvRecord record;
        private final Header header;
        private final List<LineError> errors;

        Cells(CsvRecords.CsvRecord record, Header header, List<LineError> errors) {
            this.record = record;
            this.header = header;
            this.errors = errors;
        }

        /** The trimmed cell, or empty when the file has no such column. */
        String raw(ArrearsColumn column) {
            Integer i = header.index().get(column);
            return i == null ? "" : record.fields().get(i).strip();
        }

        void problem(ArrearsColumn column, String message) {
            errors.add(new LineError(record.lineNumber(), header.names().get(header.index().get(column)), message));
        }

        String text(ArrearsColumn column, int maxLength) {
            String value = raw(column);
            if (value.isEmpty()) {
                problem(column, "A value is required.");
                return null;
            }
            if (value.length() > maxLength) {
                problem(column, "The value is longer than " + maxLength + " characters.");
                return null;
            }
            return value;
        }

        <T> T read(ArrearsColumn column, Function<String, ArrearsValues.Read<T>> reader) {
            String value = raw(column);
            if (value.isEmpty()) {
                problem(column, "A value is required.");
                return null;
            }
            ArrearsValues.Read<T> read = reader.apply(value);
            if (read.problem() != null) {
                problem(column, read.problem());
            }
            return read.value();
        }

        String nationalId() {
            String value = raw(ArrearsColumn.NATIONAL_ID);
            if (value.isEmpty()) {
                return null;
            }
            Optional<String> problem = NationalIdentityNumber.problem(value);
            problem.ifPresent(message -> problem(ArrearsColumn.NATIONAL_ID, message));
            return problem.isEmpty() ? value : null;
        }

        LandlordType landlordType() {
            String value = raw(ArrearsColumn.LANDLORD_TYPE);
            if (value.isEmpty()) {
                problem(ArrearsColumn.LANDLORD_TYPE, "A value is required.");
                return null;
            }
            Optional<LandlordType> type = LandlordType.fromLabel(value);
            if (type.isEmpty()) {
                problem(ArrearsColumn.LANDLORD_TYPE,
                        "The landlord type must be kommunal/municipal, privat/private or"
                                + " boligselskap/housing_company.");
            }
            return type.orElse(null);
        }

        LocalDate noticeDate(LocalDate today) {
            String value = raw(ArrearsColumn.NOTICE_DATE);
            if (value.isEmpty()) {
                return null;
            }
            LocalDate date = read(ArrearsColumn.NOTICE_DATE, ArrearsValues::date);
            if (date != null && date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                problem(ArrearsColumn.NOTICE_DATE, "The date is more than " + MAX_DAYS_AHEAD + " days after today.");
                return null;
            }
            return date;
        }
    }
}
