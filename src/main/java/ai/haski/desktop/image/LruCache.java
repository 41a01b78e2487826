package ai.haski.desktop.image;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A map that forgets its least recently used entries once their summed weight passes a cap, so that memory stays
 * bounded however many photos a session has. Safe to share between threads.
 */
public final class LruCache<K, V> {
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    /** @param weigher an entry's weight (bytes, or 1 to cap a count) */
    public LruCache(long maxWeight, ToLongFunction<V> weigher) {
        if (maxWeight <= 0) {
            throw new IllegalArgumentException("the cap must be positive, got " + maxWeight);
        }
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    public synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Keeps the value, then forgets the least recently used entries until the total is under the cap again. */
    public synchronized void put(K key, V value) {
        V old = entries.put(key, value);
        if (old != null) {
            weight -= weigher.applyAsLong(old);
        }
        weight += weigher.applyAsLong(value);
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            Map.Entry<K, V> entry = eldest.next();
            if (entries.size() == 1) {
                break;
            }
            weight -= weigher.applyAsLong(entry.getValue());
            eldest.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The summed weight of the entries held now. */
    public synchronized long weight() {
        return weight;
    }

    public synchronized void clear() {
        entries.clear();
        weight = 0;
    }
}
