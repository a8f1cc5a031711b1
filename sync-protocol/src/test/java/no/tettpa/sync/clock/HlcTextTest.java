package no.tettpa.sync.clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The text form of an HLC is part of the wire contract: ASCII digits only, whatever the JVM's locale. */
class HlcTextTest {

    /**
     * Regression: {@code toString} used {@code String.format} with the default locale, so a JVM (or Android
     * phone) set to Persian, Arabic, Bengali, Marathi, Nepali or Thai-with-Thai-digits wrote its timestamps with
     * native digits ({@code ۰۰۰۱۷۹۵…}), which other clients cannot parse and which do not sort with ASCII ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fa", "ar", "bn", "mr", "th-TH-u-nu-thai"})
    void formatsWithAsciiDigitsInEveryLocale(String tag) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            assertEquals("0001795458087324-00003-dev-1", new Hlc(1795458087324L, 3, "dev-1").toString());
        } finally {
            Locale.setDefault(saved);
        }
    }

    /**
     * Regression: {@code parse} used {@code Long.parseLong}, which also accepts a leading sign and any Unicode
     * digit, so text that is not the wire form parsed (and then sorted differently from its parsed value).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "+000000000000001-00000-n",
            "0000000000000001-+0001-n",
            "\u06f0\u06f0\u06f0\u06f1\u06f7\u06f9\u06f5\u06f4\u06f5\u06f8\u06f0\u06f8\u06f7\u06f3\u06f2\u06f4-00003-n",
            "0001795458087324-\u0660\u0660\u0660\u0660\u0663-n",
            " 001795458087324-00003-n",
            "0001795458087324-00003-",
            "0001795458087324-00003-a b",
            "1795458087324-3-n"})
    void rejectsAnythingButTheWireForm(String text) {
        assertThrows(IllegalArgumentException.class, () -> Hlc.parse(text));
    }

    @Test
    void parsesTheWireForm() {
        assertEquals(new Hlc(1795458087324L, 3, "dev-1"), Hlc.parse("0001795458087324-00003-dev-1"));
    }
}
