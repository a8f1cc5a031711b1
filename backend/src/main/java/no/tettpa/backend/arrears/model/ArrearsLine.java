package no.tettpa.backend.arrears.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One tenant in arrears, taken whole from an imported list. Amounts are NOK with two decimals.
 * {@code nationalId} and {@code noticeDate} are null when the file left them out.
 *
 * <p>{@link #toString()} leaves out the name, address, landlord and national identity number, so that logging a
 * line cannot leak who is in arrears.
 */
public record ArrearsLine(int lineNumber, String tenantName, String nationalId, String address, String landlord,
                          LandlordType landlordType, BigDecimal monthlyRent, BigDecimal amountOwed,
                          int monthsInArrears, LocalDate noticeDate) {

    @Override
    public String toString() {
        return "ArrearsLine[lineNumber=" + lineNumber + ", landlordType=" + landlordType
                + ", monthlyRent=" + monthlyRent + ", amountOwed=" + amountOwed
                + ", monthsInArrears=" + monthsInArrears + ", noticeDate=" + noticeDate + ", personal fields hidden]";
    }
}
