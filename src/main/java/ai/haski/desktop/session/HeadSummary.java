package ai.haski.desktop.session;

/** One head of a stored result: its top label and that label's probability. */
public record HeadSummary(String head, String topLabel, double topProbability) {}
