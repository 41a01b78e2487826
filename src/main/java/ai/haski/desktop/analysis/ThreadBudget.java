package ai.haski.desktop.analysis;

/**
 * How the machine's cores are shared: how many photos are analysed at once, how many threads one inference may
 * use, and how many threads decode the next photos ahead of the workers. Every face takes its split from here, so
 * that the policy is written once.
 *
 * <p>Decoding ahead: a worker analyses a photo in two steps, reading the file (decode and cut, one thread, 9-40 ms
 * for a phone photo) and the model's work (preprocessing, quality, inference, faces). With fewer workers than cores
 * a core would sit idle during each decode, so a batch budget gives each worker a decoder thread while there are
 * spare cores: the next photo is decoded while the worker finishes the current one, and a worker waiting for a
 * decode helps decode rather than idle (see {@link AnalysisPool}). The decoders' cores are taken from the
 * inference's share: one worker on two cores runs its inference on one thread beside one decoder, not on two. Two
 * inference threads beside a decoder would put three busy threads on two cores, and ONNX Runtime's threads spin
 * while they wait for each other; measured on the 2-core machine (docs/BENCHMARKS.md, "Overlap"), the split of one
 * and one was the faster. With a photo per core there is no spare core and nothing is decoded ahead.
 *
 * @param photosAtOnce photos (or requests) analysed at the same time
 * @param threadsPerInference threads one run of the model may use
 * @param decodersAhead threads that decode the next photos of an ordered batch while the workers finish the current
 *     ones; 0 to decode each photo on its worker
 */
public record ThreadBudget(int photosAtOnce, int threadsPerInference, int decodersAhead) {

    public ThreadBudget {
        if (photosAtOnce < 1 || threadsPerInference < 1 || decodersAhead < 0) {
            throw new IllegalArgumentException("a thread budget needs at least one photo at once and one thread per "
                    + "inference, and no negative number of decoders, found " + photosAtOnce + ", "
                    + threadsPerInference + " and " + decodersAhead);
        }
    }

    /** A budget that decodes each photo on its worker. */
    public ThreadBudget(int photosAtOnce, int threadsPerInference) {
        this(photosAtOnce, threadsPerInference, 0);
    }

    /** The cores this process may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * For a batch of photos (analyze, review, bench): the cores are shared evenly between the photos at once, so that
     * one photo alone gets every core and a photo per core gets one thread each; each worker gets a decoder thread
     * while the cores outnumber the workers, and the inferences share the cores the decoders leave.
     */
    public static ThreadBudget sharing(int photosAtOnce) {
        return sharing(cores(), photosAtOnce);
    }

    static ThreadBudget sharing(int cores, int photosAtOnce) {
        int decoders = Math.min(photosAtOnce, Math.max(0, cores - photosAtOnce));
        return new ThreadBudget(photosAtOnce, Math.max(1, (cores - decoders) / photosAtOnce), decoders);
    }

    /**
     * One photo at a time, each analysed start to finish before the next (bench's latency runs): nothing is decoded
     * ahead, so its inference may use every core.
     */
    public static ThreadBudget onePhotoAtATime() {
        return new ThreadBudget(1, cores());
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
     * Nothing is decoded ahead: the core the workers leave is the window's, not a decoder's.
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
