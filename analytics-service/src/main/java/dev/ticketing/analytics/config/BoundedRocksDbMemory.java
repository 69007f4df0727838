package dev.ticketing.analytics.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the memory RocksDB takes outside the Java heap, for all stores of this instance together: by default each
 * store of each task has its own block cache and memtables, so the total grows with partitions and stores and the
 * container's memory limit (docker-compose, Kubernetes) is crossed long before the heap is full. One shared 64 MiB
 * LRU cache holds data, index and filter blocks, and memtables are counted against it (16 MiB of it at most).
 * Set by {@code rocksdb.config.setter} in application.yml.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long TOTAL_OFF_HEAP_BYTES = 64L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;
    private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    private static final int MEMTABLES_PER_STORE = 2;

    // Shared by every store of the process: created once, never closed by a store. Kafka Streams loads this class
    // before it opens any store, so RocksDB's native library may not be loaded yet.
    private static final Cache CACHE;
    private static final WriteBufferManager WRITE_BUFFERS;

    static {
        RocksDB.loadLibrary();
        CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, INDEX_AND_FILTER_SHARE);
        WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager outlive any one store.
    }
}
