package ai.haski.desktop.ui.session;

import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.ui.photo.PhotoViewer;
import ai.haski.desktop.ui.photo.RegionOverlay;
import ai.haski.desktop.ui.result.DisplayNames;
import ai.haski.desktop.ui.result.ExplainPanel;
import ai.haski.desktop.ui.result.ExplainViewModel;
import ai.haski.desktop.ui.result.HeatOverlay;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected photo under review: its picture above, with the explained head's occlusion map over it; below, who
 * made the result, each head with its verdict, its "Explain" toggle and the labels the number keys pick, the note,
 * the reviewer and the keys.
 */
final class ReviewPane {
    private final ReviewPaneViewModel review;
    private final ExplainViewModel explain;
    private final PhotoViewer photo = new PhotoViewer();
    private final VBox headsBox = new VBox(6);
    private final TextArea note = new TextArea();
    private final SplitPane pane;

    ReviewPane(ReviewPaneViewModel review, ExplainViewModel explain) {
        this.review = review;
        this.explain = explain;
        Label message = new Label();
        message.textProperty().bind(review.pictureMessageProperty());
        message.setWrapText(true);
        message.visibleProperty().bind(review.pictureProperty().isNull());
        photo.pictureProperty().bind(review.pictureProperty());
        // The explained head's map, and the box the shown result is of when it is not the whole photo (a session
        // keeps it with the result).
        photo.overlayProperty().set(new Group(new HeatOverlay(explain.mapProperty(), explain.opacityProperty()),
                new RegionOverlay(Bindings.createObjectBinding(() -> {
                    ReviewRow row = review.selectedProperty().get();
                    return row == null ? null : row.result().flatMap(StoredResult::region)
                            .filter(region -> region.source() != Region.Source.WHOLE).orElse(null);
                }, review.selectedProperty()), photo.zoomProperty(), false)));
        photo.setFocusTraversable(false);
        ExplainPanel explainPanel = new ExplainPanel(explain);
        StackPane.setAlignment(explainPanel, Pos.TOP_LEFT);
        StackPane.setMargin(explainPanel, new Insets(8));
        StackPane picture = new StackPane(photo, message, explainPanel);
        picture.getStyleClass().add("photo-pane");
        picture.setMinHeight(200);
        VBox.setVgrow(picture, Priority.ALWAYS);

        Label name = new Label();
        name.setId("reviewFile");
        name.getStyleClass().add("review-file");
        name.textProperty().bind(Bindings.createStringBinding(() -> review.selectedProperty().get() == null ? ""
                : review.selectedProperty().get().file() + " · "
                + review.selectedProperty().get().reviewState().name().toLowerCase(Locale.ROOT),
                review.selectedProperty()));
        Label reviewText = new Label();
        reviewText.setId("reviewText");
        reviewText.setWrapText(true);
        reviewText.textProperty().bind(review.reviewTextProperty());
        reviewText.getStyleClass().add("review-made-by");

        review.heads().addListener((ListChangeListener<HeadReview>) change -> rebuildHeads());
        review.focusedHeadProperty().addListener((obs, old, now) -> rebuildHeads());
        explain.explainedHeadProperty().addListener((obs, old, now) -> rebuildHeads());
        explain.canExplainProperty().addListener((obs, old, now) -> rebuildHeads());
        Label explainUnavailable = new Label();
        explainUnavailable.setId("reviewExplainUnavailable");
        explainUnavailable.setWrapText(true);
        explainUnavailable.getStyleClass().add("review-made-by");
        explainUnavailable.textProperty().bind(explain.unavailableReasonProperty());
        explainUnavailable.visibleProperty().bind(explain.unavailableReasonProperty().isNotEmpty());
        explainUnavailable.managedProperty().bind(explainUnavailable.visibleProperty());
        headsBox.setId("reviewHeads");

        note.setId("reviewNote");
        note.setPromptText("Note (E to write, Esc to leave; saved when you leave it)");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        review.noteTextProperty().addListener((obs, old, now) -> note.setText(now));
        note.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                review.saveNote(note.getText());
            }
        });
        Label reviewer = new Label();
        reviewer.textProperty().bind(Bindings.createStringBinding(() -> shownName(review),
                review.reviewer().reviewerProperty()));
        reviewer.getStyleClass().add("review-made-by");
        Label keys = new Label("A accept all · 1-9 override focused head · H/L head · F flag · N next unreviewed · "
                + "J/K next/previous");
        keys.setWrapText(true);
        keys.getStyleClass().add("review-keys");

        VBox details = new VBox(8, name, reviewText, explainUnavailable, headsBox, note, reviewer, keys);
        details.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.setMinHeight(220);
        pane = new SplitPane(picture, scroll);
        pane.setOrientation(Orientation.VERTICAL);
        pane.setDividerPositions(0.5);
    }

    private static String shownName(ReviewPaneViewModel review) {
        String name = review.reviewer().reviewerProperty().get();
        return name.isBlank() ? "Reviewer: not set (Session > Reviewer name…)" : "Reviewer: " + name;
    }

    Node node() {
        return pane;
    }

    /** The note field, where the E key puts the focus. */
    TextArea note() {
        return note;
    }

    private void rebuildHeads() {
        headsBox.getChildren().clear();
        int focused = review.focusedHeadProperty().get();
        for (int i = 0; i < review.heads().size(); i++) {
            HeadReview head = review.heads().get(i);
            Label title = new Label((i == focused ? "▶ " : "   ") + DisplayNames.head(head.head()) + ": "
                    + (head.hidden() ? "model's answer hidden until you give your label"
                    : DisplayNames.label(head.topLabel())
                    + String.format(Locale.ROOT, " (%.0f%%)", head.topProbability() * 100)));
            title.setId("head-title-" + head.head().replace(' ', '-'));
            title.getStyleClass().add("review-head-title");
            title.setWrapText(true);
            Label verdict = new Label(head.verdictText() + (head.verdictCount() > 1
                    ? " · " + head.verdictCount() + " verdicts" : ""));
            verdict.setId("verdict-" + head.head().replace(' ', '-'));
            verdict.getStyleClass().add(head.current().isPresent() ? "review-verdict-given" : "review-verdict-none");
            if (!head.history().isEmpty()) {
                verdict.setTooltip(new Tooltip("History, oldest first:\n" + head.history()));
            }
            StringBuilder labels = new StringBuilder();
            for (int n = 0; n < head.labels().size() && n < 9; n++) {
                labels.append(n == 0 ? "" : "   ").append(n + 1).append(' ')
                        .append(DisplayNames.label(head.labels().get(n)));
            }
            Label choices = new Label(labels.toString());
            choices.setWrapText(true);
            choices.getStyleClass().add("review-labels");
            ToggleButton explainToggle = new ToggleButton("Explain");
            explainToggle.setId("reviewExplain-" + head.head().replace(' ', '-'));
            explainToggle.setFocusTraversable(false);
            explainToggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            explainToggle.setSelected(explain.isExplained(head.head()));
            explainToggle.setDisable(!explain.canExplainProperty().get());
            explainToggle.setTooltip(new Tooltip("Where the model looked for this head (occlusion map over the photo)"));
            explainToggle.setOnAction(event -> explain.toggle(head.head()));
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox titleRow = new HBox(8, title, gap, explainToggle);
            titleRow.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, titleRow, verdict, choices);
            box.getStyleClass().add(i == focused ? "review-head-focused" : "review-head");
            box.setPadding(new Insets(4, 6, 4, 6));
            final int index = i;
            box.setOnMouseClicked(event -> review.focusedHeadProperty().set(index));
            headsBox.getChildren().add(box);
        }
    }
}
