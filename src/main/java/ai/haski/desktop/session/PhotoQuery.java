package ai.haski.desktop.session;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a photo listing shows: optional filters (one model's results, review states, present or missing, a head's
 * label, confidence below a threshold, failures only), an order, and a page. Immutable; each {@code with} method
 * returns a changed copy, starting from {@link #all()}.
 *
 * @param poorQualityOnly only photos with a result whose photo quality is poor
 * @param model when set, label, confidence, failure and quality filters and the confidence order look at this model's
 *     results only; otherwise at any model's
 */
public record PhotoQuery(
        Optional<ModelKey> model,
        Set<ReviewState> reviewStates,
        Optional<PhotoState> photoState,
        Optional<LabelFilter> label,
        Optional<ConfidenceFilter> confidence,
        boolean failuresOnly,
        Sort sort,
        int offset,
        int limit,
        boolean poorQualityOnly) {

    /** The largest page a listing returns. */
    public static final int MAX_PAGE = 10_000;

    /** Photos whose result gives this label for this head. */
    public record LabelFilter(String head, String label) {}

    /** Photos with a result whose top probability is below {@code below}, for one head or any head. */
    public record ConfidenceFilter(Optional<String> head, double below) {}

    /** The orders a listing can have; ties are broken by path. */
    public enum Sort {
        /** By relative path, A to Z. */
        PATH,
        /** Newest first, as the scans added them. */
        NEWEST,
        /** Lowest top probability (of any head) first; photos with no result last. */
        LOWEST_CONFIDENCE
    }

    public PhotoQuery {
        reviewStates = reviewStates.isEmpty() ? EnumSet.noneOf(ReviewState.class) : EnumSet.copyOf(reviewStates);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page needs offset >= 0 and 1 <= limit <= " + MAX_PAGE);
        }
    }

    /** Every photo, by path, the first page of 500. */
    public static PhotoQuery all() {
        return new PhotoQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Sort.PATH, 0, 500, false);
    }

    public PhotoQuery withModel(ModelKey value) {
        return new PhotoQuery(Optional.of(value), reviewStates, photoState, label, confidence, failuresOnly, sort,
                offset, limit, poorQualityOnly);
    }

    /** Only photos in one of these review states (none given: any state). */
    public PhotoQuery withReviewStates(Set<ReviewState> states) {
        return new PhotoQuery(model, states, photoState, label, confidence, failuresOnly, sort, offset, limit,
                poorQualityOnly);
    }

    public PhotoQuery withPhotoState(PhotoState state) {
        return new PhotoQuery(model, reviewStates, Optional.of(state), label, confidence, failuresOnly, sort, offset,
                limit, poorQualityOnly);
    }

    public PhotoQuery withLabel(String head, String value) {
        return new PhotoQuery(model, reviewStates, photoState, Optional.of(new LabelFilter(head, value)), confidence,
                failuresOnly, sort, offset, limit,
                poorQualityOnly);
    }

    /** Only photos with a result whose top probability for any head is below the threshold. */
    public PhotoQuery withConfidenceBelow(double threshold) {
        return new PhotoQuery(model, reviewStates, photoState, label,
                Optional.of(new ConfidenceFilter(Optional.empty(), threshold)), failuresOnly, sort, offset, limit,
                poorQualityOnly);
    }

    /** Only photos with a result whose top probability for this head is below the threshold. */
    public PhotoQuery withConfidenceBelow(String head, double threshold) {
        return new PhotoQuery(model, reviewStates, photoState, label,
                Optional.of(new ConfidenceFilter(Optional.of(head), threshold)), failuresOnly, sort, offset, limit,
                poorQualityOnly);
    }

    /** Only photos whose analysis failed. */
    public PhotoQuery withFailuresOnly() {
        return new PhotoQuery(model, reviewStates, photoState, label, confidence, true, sort, offset, limit,
                poorQualityOnly);
    }

    /** Only photos with a result whose photo quality is poor (blurred, too dark, ...). */
    public PhotoQuery withPoorQualityOnly() {
        return new PhotoQuery(model, reviewStates, photoState, label, confidence, failuresOnly, sort, offset, limit,
                true);
    }

    public PhotoQuery sortedBy(Sort value) {
        return new PhotoQuery(model, reviewStates, photoState, label, confidence, failuresOnly, value, offset, limit,
                poorQualityOnly);
    }

    public PhotoQuery page(int newOffset, int newLimit) {
        return new PhotoQuery(model, reviewStates, photoState, label, confidence, failuresOnly, sort, newOffset,
                newLimit, poorQualityOnly);
    }
}
