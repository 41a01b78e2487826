package ai.haski.desktop.analysis;

import ai.haski.desktop.model.FaceBox;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result's {@code faces} and {@code skin_tone} blocks of {@link ResultJson}: boxes in whole pixels of the
 * upright image with the detector's score ({@code faces} left out only when no face detector is installed), and
 * the ITA skin tone estimate or {@code null}.
 */
final class FaceJson {
    private FaceJson() {}

    static void put(ObjectNode json, Analysis analysis) {
        analysis.faces().ifPresent(faces -> {
            ArrayNode array = json.putArray("faces");
            for (FaceBox box : faces.boxes()) {
                ObjectNode face = array.addObject();
                face.put("x", Math.round(box.x()));
                face.put("y", Math.round(box.y()));
                face.put("width", Math.round(box.width()));
                face.put("height", Math.round(box.height()));
                face.put("score", Math.round(box.score() * 10_000) / 10_000.0);
            }
        });
        analysis.skinTone().ifPresentOrElse(tone -> {
            ObjectNode skin = json.putObject("skin_tone");
            skin.put("ita_degrees", Math.round(tone.itaDegrees() * 100) / 100.0);
            skin.put("group", tone.group().id());
            skin.put("pixels", tone.pixels());
        }, () -> json.putNull("skin_tone"));
    }
}
