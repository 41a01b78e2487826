package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecoderWarningsTest {
    @Test
    void warningsThatMeanMissingPixels() {
        // Wordings of the JDK JPEG reader and of libjpeg (jerror.h) that it passes on.
        assertThat(DecoderWarnings.meansDataLoss("Truncated File - Missing EOI marker")).isTrue();
        assertThat(DecoderWarnings.meansDataLoss("Corrupt JPEG data: premature end of data segment")).isTrue();
        assertThat(DecoderWarnings.meansDataLoss("Premature end of JPEG file")).isTrue();
        assertThat(DecoderWarnings.meansDataLoss("Corrupt JPEG data: bad Huffman code")).isTrue();
        assertThat(DecoderWarnings.meansDataLoss("Corrupt JPEG data: found marker 0xd9 instead of RST3")).isTrue();
        // The JDK GIF reader's only word for damaged LZW data, which it otherwise decodes into garbage rows.
        assertThat(DecoderWarnings.meansDataLoss("Out-of-sequence code!")).isTrue();
    }

    @Test
    void warningsThatLeaveThePixelsIntact() {
        assertThat(DecoderWarnings.meansDataLoss("Corrupt JPEG data: 12 extraneous bytes before marker 0xd9"))
                .isFalse();
        assertThat(DecoderWarnings.meansDataLoss(
                "No embedded ICC color profile, will convert using inaccurate CMYK to RGB conversion.")).isFalse();
        assertThat(DecoderWarnings.meansDataLoss("Invalid SOS parameters for sequential JPEG")).isFalse();
    }

    @Test
    void keepsEachHarmlessWarningOnceAndLabelsIt() {
        DecoderWarnings warnings = new DecoderWarnings();
        warnings.warningOccurred(null, "Truncated File - Missing EOI marker");
        warnings.warningOccurred(null, "Embedded color profile is invalid; ignored");
        warnings.warningOccurred(null, "Embedded color profile is invalid; ignored");
        warnings.warningOccurred(null, "  ");

        assertThat(warnings.firstDataLoss()).isEqualTo("Truncated File - Missing EOI marker");
        assertThat(warnings.harmless()).containsExactly("decoder: Embedded color profile is invalid; ignored");
    }
}
