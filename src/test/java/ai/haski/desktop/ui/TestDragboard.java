package ai.haski.desktop.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.security.AccessControlContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A dragboard as a file manager's drag brings it: some content, offered for copy, move or link. JavaFX has no
 * public way to make one outside a real drag gesture, and its own local clipboard refuses to name transfer modes,
 * so tests hand it this small peer. Make it on the FX thread.
 */
final class TestDragboard implements TKClipboard {
    private final Map<DataFormat, Object> content = new LinkedHashMap<>();
    private Image dragView;
    private double offsetX;
    private double offsetY;

    static Dragboard create() {
        try {
            // Dragboard registers its helper accessor when the class initialises.
            Class.forName(Dragboard.class.getName(), true, Dragboard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        return DragboardHelper.createDragboard(new TestDragboard());
    }

    @Override
    @SuppressWarnings("removal") // the interface still names the type
    public void setSecurityContext(AccessControlContext context) {
        // Tests run without a security manager.
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return content.keySet();
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... pairs) {
        content.clear();
        for (Pair<DataFormat, Object> pair : pairs) {
            content.put(pair.getKey(), pair.getValue());
        }
        return true;
    }

    @Override
    public Object getContent(DataFormat format) {
        return content.get(format);
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return content.containsKey(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return Set.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
    }

    @Override
    public void setDragView(Image image) {
        dragView = image;
    }

    @Override
    public void setDragViewOffsetX(double offset) {
        offsetX = offset;
    }

    @Override
    public void setDragViewOffsetY(double offset) {
        offsetY = offset;
    }

    @Override
    public Image getDragView() {
        return dragView;
    }

    @Override
    public double getDragViewOffsetX() {
        return offsetX;
    }

    @Override
    public double getDragViewOffsetY() {
        return offsetY;
    }
}
