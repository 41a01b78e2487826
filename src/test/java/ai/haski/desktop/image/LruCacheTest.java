package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruCacheTest {
    @Test
    void theLeastRecentlyUsedEntriesGoOnceTheWeightPassesTheCap() {
        LruCache<String, byte[]> cache = new LruCache<>(10, value -> value.length);
        cache.put("a", new byte[4]);
        cache.put("b", new byte[4]);
        cache.get("a");
        cache.put("c", new byte[4]);

        assertThat(cache.get("b")).as("least recently used").isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("c")).isPresent();
        assertThat(cache.weight()).isEqualTo(8);
    }

    @Test
    void replacingAnEntryCountsOnlyItsNewWeightAndOneOverTheCapIsStillKept() {
        LruCache<String, byte[]> cache = new LruCache<>(10, value -> value.length);
        cache.put("a", new byte[6]);
        cache.put("a", new byte[2]);
        assertThat(cache.weight()).isEqualTo(2);

        cache.put("big", new byte[50]);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("big")).isPresent();
    }
}
