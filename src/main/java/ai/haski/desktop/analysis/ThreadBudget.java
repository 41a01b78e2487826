package ai.haski.desktop.analysis;

/**
 * How the machine's cores are shared: how many photos are analysed at once, and how many threads one inference may
 * use. Every face takes its split from here, so that the policy is written once.
 *
 * @param photosAtOnce photos (or requests) analysed at the same time
 * @param threadsPerInference threads one run of the model may use
 */
public record ThreadBudget(int photosAtOnce, int threadsPerInference) {

    public ThreadBudget {
        if (photosAtOnce < 1 || threadsPerInference < 1) {
            throw new IllegalArgumentException("a thread budget needs at least one photo at once and one thread per "
                    + "inference, found " + photosAtOnce + " and " + threadsPerInference);
        }
    }

    /** The cores this process may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * For a batch of photos (analyze, review, bench): the cores are shared evenly between the photos at once, so that
     * one photo alone gets every core and a photo per core gets one thread each.
     */
    public static ThreadBudget sharing(int photosAtOnce) {
        return sharing(cores(), photosAtOnce);
    }

    static ThreadBudget sharing(int cores, int photosAtOnce) {
        return new ThreadBudget(photosAtOnce, Math.max(1, cores / photosAtOnce));
    }

    /** A batch with one photo per core, each inference on one thread: the default of analyze and review. */
    public static ThreadBudget photoPerCore() {
        return sharing(cores(), cores());
    }

    /**
     * For the HTTP server: requests arrive one by one from independent clients, so each inference keeps to one
     * thread and a burst of requests is what fills the cores.
     */
    public static ThreadBudget perRequest(int requestsAtOnce) {
        return new ThreadBudget(requestsAtOnce, 1);
    }

    /**
     * For the desktop app: one inference may use half the cores (the other half keep decoding and the window
     * responsive), and a batch analyses one photo per core but the first, at most four, since decoding dominates.
     */
    public static ThreadBudget desktop() {
        return desktop(cores());
    }

    static ThreadBudget desktop(int cores) {
        return new ThreadBudget(Math.max(1, Math.min(4, cores - 1)), Math.max(1, cores / 2));
    }

    /** One photo on one thread: for checks that only prove a model loads and computes its test vector. */
    public static ThreadBudget single() {
        return new ThreadBudget(1, 1);
    }
}
