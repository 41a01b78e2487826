package ai.haski.desktop.ui.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeBoardTest {

    @Test
    void theLatestNoticeIsShownUntilDismissed() {
        NoticeBoard board = new NoticeBoard();
        NoticeSink sink = board;
        sink.post(Notice.info("first"));
        sink.post(Notice.error("second"));
        assertThat(board.currentProperty().get()).isEqualTo(Notice.error("second"));
        board.dismiss();
        assertThat(board.currentProperty().get()).isNull();
    }
}
