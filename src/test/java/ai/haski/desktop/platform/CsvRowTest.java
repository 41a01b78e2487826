package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowTest {
    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
        assertThat(CsvRow.of(List.of("=1+1.png", "@SUM(A1).png", "-2+3.png", "+1", "\tx.png", "\rx.png")))
                .isEqualTo("'=1+1.png,'@SUM(A1).png,'-2+3.png,'+1,'\tx.png,\"'\rx.png\"");
        assertThat(CsvRow.of(List.of("=HYPERLINK(\"http://evil\",\"click\")")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
    }

    @Test
    void ordinaryTextAndEmptyCellsAreUnchanged() {
        assertThat(CsvRow.of(List.of("coins.png", "", "a = b", "x-1", "seen, with a comma")))
                .isEqualTo("coins.png,,a = b,x-1,\"seen, with a comma\"");
    }

    @Test
    void numbersTheAppFormatsStayNumbersEvenWhenNegative() {
        assertThat(CsvRow.create().text("-1").number("-0.250000").number("0.5").number("1e-7").line())
                .isEqualTo("'-1,-0.250000,0.5,1e-7");
        assertThatThrownBy(() -> CsvRow.create().number("=1+1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReaderOfTheAppsOwnCsvGetsTheTextBack() {
        for (String text : List.of("=1+1.png", "@SUM(A1).png", "-2+3.png", "\tx.png", "coins.png", "'quoted", "'")) {
            List<List<String>> read = CsvTable.parse(CsvRow.of(List.of(text)) + "\r\n");
            assertThat(CsvRow.original(read.get(0).get(0))).as(text).isEqualTo(text);
        }
    }
}
