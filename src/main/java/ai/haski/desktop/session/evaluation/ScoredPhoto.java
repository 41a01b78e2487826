package ai.haski.desktop.session.evaluation;

/** One photo of one head with both a truth and a model result: the true label, the model's top label and its
 * confidence. */
public record ScoredPhoto(String file, String truth, String predicted, double confidence) {

    public boolean correct() {
        return truth.equals(predicted);
    }
}
