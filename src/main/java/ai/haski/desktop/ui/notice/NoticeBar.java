package ai.haski.desktop.ui.notice;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A strip under the toolbar that shows the current {@link Notice} until the user dismisses it. */
public final class NoticeBar extends HBox {
    private final Label text = new Label();

    public NoticeBar(ObservableValue<Notice> notice, Runnable dismiss) {
        getStyleClass().add("notice-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setId("noticeText");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("_Dismiss");
        close.setMnemonicParsing(true);
        close.setOnAction(event -> dismiss.run());
        close.setAccessibleText("Dismiss this message");
        // A long message wraps; the button keeps its size.
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(text, close);
        notice.addListener((obs, old, now) -> show(now));
        show(notice.getValue());
    }

    private void show(Notice notice) {
        boolean shown = notice != null;
        setVisible(shown);
        setManaged(shown);
        getStyleClass().removeAll("notice-info", "notice-warning", "notice-error");
        if (shown) {
            getStyleClass().add("notice-" + notice.severity().name().toLowerCase(Locale.ROOT));
            text.setText(notice.text());
            text.setAccessibleText(notice.severity() + ": " + notice.text());
        }
    }
}
