package no.tettpa.backend.arrears.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrearsListParserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    /** Valid (check digits worked by hand in NationalIdentityNumberTest); born 2035, so nobody's real number. */
    private static final String VALID_ID = "01013550022";
    private static final String HEADER =
            "leietaker;fodselsnummer;adresse;utleier;utleiertype;husleie;restanse;maneder;varsel_dato\n";
    private static final String GOOD_LINE =
            "Kari Nordmann;" + VALID_ID + ";Storgata 1, 0155 Oslo;Oslo kommune;kommunal;12 500,50;25001;2;2026-02-15\n";

    private static ParseResult parse(String csv) {
        return ArrearsListParser.parse(csv.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    /** A file of the header and one line whose cells are the defaults with one column replaced. */
    private static ParseResult parseWith(String column, String value) {
        List<String> names = List.of(HEADER.strip().split(";"));
        String[] cells = GOOD_LINE.strip().split(";", -1);
        cells[names.indexOf(column)] = value;
        return parse(HEADER + String.join(";", cells) + "\n");
    }

    private static void assertOnlyError(ParseResult result, int line, String column, String fragment) {
        assertEquals(List.of(), result.good());
        assertEquals(1, result.bad().size(), result.bad().toString());
        LineError error = result.bad().get(0);
        assertEquals(line, error.lineNumber(), error.toString());
        assertEquals(column, error.column(), error.toString());
        assertTrue(error.message().contains(fragment), error.message());
    }

    @Test
    void aSemicolonFileInNorwegian() {
        ParseResult result = parse(HEADER + GOOD_LINE
                + "Ola Nordmann;;Gata 2;Boligbyggelaget;boligselskap;9000;0;0;\n");
        assertEquals(List.of(), result.bad());
        assertEquals(2, result.good().size());

        ArrearsLine kari = result.good().get(0);
        assertEquals(2, kari.lineNumber());
        assertEquals("Kari Nordmann", kari.tenantName());
        assertEquals(VALID_ID, kari.nationalId());
        assertEquals("Storgata 1, 0155 Oslo", kari.address());
        assertEquals("Oslo kommune", kari.landlord());
        assertEquals(LandlordType.MUNICIPAL, kari.landlordType());
        assertEquals(new BigDecimal("12500.50"), kari.monthlyRent());
        assertEquals(new BigDecimal("25001.00"), kari.amountOwed());
        assertEquals(2, kari.monthsInArrears());
        assertEquals(LocalDate.of(2026, 2, 15), kari.noticeDate());

        ArrearsLine ola = result.good().get(1);
        assertEquals(3, ola.lineNumber());
        assertNull(ola.nationalId());
        assertNull(ola.noticeDate());
        assertEquals(LandlordType.HOUSING_COMPANY, ola.landlordType());
    }

    @Test
    void aCommaFileInEnglishWithColumnsInAnyOrderAndUnknownColumnsIgnored() {
        ParseResult result = parse("""
                Landlord,TENANT_NAME,address,landlord_type,monthly_rent,amount_owed,months_in_arrears,comment
                Utleie AS,Kari Nordmann,"Storgata 1, 0155 Oslo",private,12500.50,"25 001,00",2,"ring, ikke skriv"
                """);
        assertEquals(List.of(), result.bad());
        ArrearsLine line = result.good().get(0);
        assertEquals("Utleie AS", line.landlord());
        assertEquals("Storgata 1, 0155 Oslo", line.address());
        assertEquals(LandlordType.PRIVATE, line.landlordType());
        assertEquals(new BigDecimal("12500.50"), line.monthlyRent());
        assertEquals(new BigDecimal("25001.00"), line.amountOwed());
    }

    @Test
    void aByteOrderMarkAndCrlfLineEnds() {
        byte[] text = (HEADER + GOOD_LINE + GOOD_LINE).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.writeBytes(text);
        ParseResult result = ArrearsListParser.parse(file.toByteArray(), TODAY);
        assertEquals(List.of(), result.bad());
        assertEquals(List.of(2, 3), result.good().stream().map(ArrearsLine::lineNumber).toList());
        assertEquals("Kari Nordmann", result.good().get(0).tenantName());
        assertEquals(LocalDate.of(2026, 2, 15), result.good().get(1).noticeDate());
    }

    @Test
    void headerNamesIgnoreCaseSpaceAndNorwegianLetters() {
        ParseResult result = parse(" Leietaker ;Fødselsnummer;ADRESSE;Utleier;UtleierType;Husleie;Restanse;"
                + "Måneder;Varsel_Dato\n" + GOOD_LINE);
        assertEquals(List.of(), result.bad());
        assertEquals(VALID_ID, result.good().get(0).nationalId());
        assertEquals(2, result.good().get(0).monthsInArrears());
    }

    @Test
    void quotedValuesMayHoldSeparatorsQuotesAndLineBreaks() {
        ParseResult result = parse(HEADER
                + "\"Hansen; Kari \"\"Kia\"\"\";;\"Storgata 1\r\nH0101\";Utleie AS;privat;100;0;0;\n"
                + GOOD_LINE);
        assertEquals(List.of(), result.bad());
        assertEquals("Hansen; Kari \"Kia\"", result.good().get(0).tenantName());
        assertEquals("Storgata 1\nH0101", result.good().get(0).address());
        assertEquals(List.of(2, 4), result.good().stream().map(ArrearsLine::lineNumber).toList());
    }

    @Test
    void blankLinesAndLinesOfEmptyCellsAreSkipped() {
        ParseResult result = parse(HEADER + "\n" + GOOD_LINE + "   \n;;;;;;;;\n\n" + GOOD_LINE);
        assertEquals(List.of(), result.bad());
        assertEquals(List.of(3, 7), result.good().stream().map(ArrearsLine::lineNumber).toList());
    }

    @Test
    void aHeaderWithoutLinesGivesNothing() {
        ParseResult result = parse(HEADER);
        assertEquals(List.of(), result.good());
        assertEquals(List.of(), result.bad());
    }

    @Test
    void aLastLineWithoutLineBreak() {
        assertEquals(1, parse(HEADER + GOOD_LINE.strip()).good().size());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "12 500,50|12500.50", "12500.50|12500.50", "12500,5|12500.50", "12 500,-|12500.00",
            "0|0.00", "007|7.00", "1 000 000|1000000.00", "12\u00A0500,50|12500.50", "12\u202F500|12500.00",
            "999999999.99|999999999.99"})
    void amountsInNorwegianAndEnglishForm(String cell, BigDecimal expected) {
        ParseResult result = parseWith("husleie", cell);
        assertEquals(List.of(), result.bad());
        assertEquals(expected, result.good().get(0).monthlyRent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-100", "\u2212100", "12,500", "12.500,50", "12 50", "1 2345", "kr 100", "abc",
            "1e3", "1234567890", "12,5,0"})
    void amountsRefused(String cell) {
        assertOnlyError(parseWith("restanse", cell), 2, "restanse", "");
    }

    @Test
    void aNegativeAmountSaysSo() {
        assertOnlyError(parseWith("husleie", "-1"), 2, "husleie", "negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "120", "007"})
    void monthsAccepted(String cell) {
        assertEquals(1, parseWith("maneder", cell).good().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"121", "-1", "2.5", "2,0", "to", "1000000000000"})
    void monthsRefused(String cell) {
        assertOnlyError(parseWith("maneder", cell), 2, "maneder", "0 to 120");
    }

    @ParameterizedTest
    @CsvSource({"2026-03-01, 2026-03-01", "01.03.2026, 2026-03-01", "1.3.2026, 2026-03-01",
            "29.02.2024, 2024-02-29", "2027-03-02, 2027-03-02"})
    void noticeDatesAccepted(String cell, LocalDate expected) {
        assertEquals(expected, parseWith("varsel_dato", cell).good().get(0).noticeDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "32.01.2026", "29.02.2026", "2026/03/01", "03-01-2026", "1.3.26",
            "2026-13-01", "i går"})
    void noticeDatesRefused(String cell) {
        assertOnlyError(parseWith("varsel_dato", cell), 2, "varsel_dato", "date");
    }

    @Test
    void aNoticeMoreThan366DaysAheadIsRefused() {
        assertEquals(1, parseWith("varsel_dato", TODAY.plusDays(366).toString()).good().size());
        assertOnlyError(parseWith("varsel_dato", TODAY.plusDays(367).toString()), 2, "varsel_dato", "366 days");
    }

    @ParameterizedTest
    @CsvSource({"kommunal, MUNICIPAL", "Municipal, MUNICIPAL", "PRIVAT, PRIVATE", "private, PRIVATE",
            "boligselskap, HOUSING_COMPANY", "Housing_Company, HOUSING_COMPANY"})
    void landlordTypes(String cell, LandlordType expected) {
        assertEquals(expected, parseWith("utleiertype", cell).good().get(0).landlordType());
    }

    @Test
    void anUnknownLandlordType() {
        assertOnlyError(parseWith("utleiertype", "kommune"), 2, "utleiertype", "kommunal/municipal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01013550023", "0101355002", "0101355002x", "32013550022"})
    void aBadNationalIdIsReportedWithoutRepeatingIt(String cell) {
        ParseResult result = parseWith("fodselsnummer", cell);
        assertOnlyError(result, 2, "fodselsnummer", "national identity number");
        assertFalse(result.bad().get(0).message().contains(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"leietaker", "adresse", "utleier", "utleiertype", "husleie", "restanse", "maneder"})
    void aRequiredCellLeftEmpty(String column) {
        assertOnlyError(parseWith(column, "  "), 2, column, "required");
    }

    @Test
    void overlongText() {
        assertOnlyError(parseWith("leietaker", "x".repeat(201)), 2, "leietaker", "200 characters");
        assertEquals(1, parseWith("leietaker", "x".repeat(200)).good().size());
        assertOnlyError(parseWith("adresse", "x".repeat(301)), 2, "adresse", "300 characters");
    }

    @Test
    void everyProblemOfALineIsReportedAndNoneOfItIsTaken() {
        ParseResult result = parse(HEADER + ";12345;Gata 1;Utleier;ukjent;-1;x;200;2026-02-30\n");
        assertEquals(List.of(), result.good());
        assertEquals(List.of("leietaker", "fodselsnummer", "utleiertype", "husleie", "restanse", "maneder",
                "varsel_dato"), result.bad().stream().map(LineError::column).toList());
        assertTrue(result.bad().stream().allMatch(e -> e.lineNumber() == 2));
    }

    @Test
    void goodAndBadLinesMixedKeepTheirLineNumbers() {
        String csv = HEADER                                                    // 1
                + GOOD_LINE                                                    // 2
                + "\n"                                                         // 3
                + "Per;;Gata 3;Utleier;privat;100;-5;1;\n"                     // 4
                + "Anne;;\"Gata 4\nH0201\";Utleier;privat;100;5;1;\n"          // 5-6
                + "Lise;;Gata 5;Utleier;privat;100;5;200;\n"                   // 7
                + ";;;;;;;;\n"                                                 // 8
                + "Ola;;\"Gata\n\n6\";Utleier;privat;100;5;1;01.13.2026\n"     // 9-11
                + GOOD_LINE;                                                   // 12
        ParseResult result = parse(csv);
        assertEquals(List.of(2, 5, 12), result.good().stream().map(ArrearsLine::lineNumber).toList());
        assertEquals(List.of("4 restanse", "7 maneder", "9 varsel_dato"),
                result.bad().stream().map(e -> e.lineNumber() + " " + e.column()).toList());
    }

    @Test
    void anUnquotedSeparatorInsideAValueShiftsTheCells() {
        ParseResult result = parse("tenant_name,address,landlord,landlord_type,monthly_rent,amount_owed,"
                + "months_in_arrears\nKari,Gata 1,Utleier,private,12 500,50,100,1\n"
                + "Ola,Gata 2,Utleier,private,\"12 500,50\",100,1\n");
        assertEquals(List.of(3), result.good().stream().map(ArrearsLine::lineNumber).toList());
        assertEquals(1, result.bad().size());
        assertEquals(new LineError(2, "", result.bad().get(0).message()), result.bad().get(0));
        assertTrue(result.bad().get(0).message().contains("8 values but the header has 7"));
    }

    @Test
    void tooFewCells() {
        assertOnlyError(parse(HEADER + "Kari;;Gata 1\n"), 2, "", "3 values but the header has 9");
    }

    @Test
    void textAfterAClosingQuote() {
        ParseResult result = parse(HEADER + "\"Kari\" Nordmann;;Gata 1;Utleier;privat;1;1;1;\n" + GOOD_LINE);
        assertEquals(List.of(3), result.good().stream().map(ArrearsLine::lineNumber).toList());
        assertEquals(List.of(new LineError(2, "", result.bad().get(0).message())), result.bad());
        assertTrue(result.bad().get(0).message().contains("closing quote"));
    }

    @Test
    void aQuoteNeverClosedStopsTheFileWhereItsLineStarts() {
        ParseResult result = parse(HEADER + GOOD_LINE + "Kari;;\"Gata 1;Utleier;privat;1;1;1;\n" + GOOD_LINE);
        assertEquals(List.of(2), result.good().stream().map(ArrearsLine::lineNumber).toList());
        assertEquals(1, result.bad().size());
        assertEquals(3, result.bad().get(0).lineNumber());
        assertTrue(result.bad().get(0).message().contains("never closed"));
    }

    @Test
    void lineNumbersCountEveryKindOfLineBreak() {
        ParseResult result = parse(HEADER.replace("\n", "\r") + GOOD_LINE.replace("\n", "\r\n") + "\n"
                + "Per;;Gata 3;Utleier;privat;100;-5;1;\r" + GOOD_LINE);
        assertEquals(List.of(2, 5), result.good().stream().map(ArrearsLine::lineNumber).toList());
        assertEquals(List.of(4), result.bad().stream().map(LineError::lineNumber).toList());
    }

    @Test
    void missingRequiredColumnsAreOneErrorOnLine1() {
        ParseResult result = parse("leietaker;utleier;utleiertype;husleie;maneder;kommentar\n"
                + "Kari;Utleier;privat;100;1;x\n");
        assertOnlyError(result, 1, "", "adresse/address, restanse/amount_owed");
    }

    @Test
    void optionalColumnsMayBeLeftOut() {
        ParseResult result = parse("leietaker;adresse;utleier;utleiertype;husleie;restanse;maneder\n"
                + "Kari;Gata 1;Utleier;privat;100;0;0\n");
        assertEquals(List.of(), result.bad());
        assertNull(result.good().get(0).nationalId());
    }

    @Test
    void aColumnNamedTwice() {
        ParseResult result = parse("leietaker;tenant_name;adresse;utleier;utleiertype;husleie;restanse;maneder\n"
                + "Kari;Kari;Gata 1;Utleier;privat;100;0;0\n");
        assertOnlyError(result, 1, "", "leietaker/tenant_name more than once");
    }

    @Test
    void aHeaderThatIsNotOnLine1() {
        assertOnlyError(parse("\n" + HEADER + GOOD_LINE), 1, "", "Line 1 must be the header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\uFEFF", " \n\n"})
    void anEmptyFile(String content) {
        assertOnlyError(parse(content), 1, "", "empty");
    }

    @Test
    void aFileNotInUtf8() {
        byte[] latin1 = (HEADER + GOOD_LINE.replace("Kari", "Bjørn")).getBytes(StandardCharsets.ISO_8859_1);
        assertOnlyError(ArrearsListParser.parse(latin1, TODAY), 1, "", "UTF-8");
    }

    @Test
    void atMost10000DataLines() {
        assertEquals(10_000, parse(HEADER + GOOD_LINE.repeat(10_000)).good().size());
        assertOnlyError(parse(HEADER + GOOD_LINE.repeat(10_001)), 1, "", "10001 data lines");
    }

    @Test
    void atMost5Megabytes() {
        byte[] tooLarge = new byte[ArrearsListParser.MAX_BYTES + 1];
        Arrays.fill(tooLarge, (byte) ' ');
        assertOnlyError(ArrearsListParser.parse(tooLarge, TODAY), 1, "", "5 MB");
    }

    @Test
    void aLineShownInALogHidesWhoItIsAbout() {
        String shown = parse(HEADER + GOOD_LINE).good().get(0).toString();
        assertFalse(shown.contains(VALID_ID), shown);
        assertFalse(shown.contains("Kari"), shown);
        assertFalse(shown.contains("Storgata"), shown);
        assertTrue(shown.contains("lineNumber=2"), shown);
    }
}
