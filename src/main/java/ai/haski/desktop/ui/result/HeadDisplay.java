package ai.haski.desktop.ui.result;

import java.util.List;

/**
 * What one head of the model says, as shown: its title, top label with confidence, and every label's share
 * sorted from most to least likely.
 */
public record HeadDisplay(String title, String topLabel, String topPercentText, List<LabelShare> shares) {

    public HeadDisplay {
        shares = List.copyOf(shares);
    }
}
