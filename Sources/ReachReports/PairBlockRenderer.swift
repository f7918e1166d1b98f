import Dispatch
import NetworkEngine

/// Renders the JSON array elements of one probe's pairs (`,\n` + indent + `"src->dst"`) in blocks
/// of consecutive sources, two blocks at a time on separate cores, each into an exactly sized
/// buffer, then hands the blocks to the writer in order. Hand-written (memcpy into raw buffers)
/// because this is the hot loop of `reach -o json`: hundreds of millions of elements on a
/// namespace-wide cluster.
struct PairBlockRenderer {
    /// Every display name JSON-escaped, without quotes, concatenated; `start[i]..<start[i+1]`.
    let names: [UInt8]
    let start: [Int]
    let indent: [UInt8]

    /// Target bytes per block (the memory bound of this output: two blocks in flight).
    static let blockBytes = 8 << 20

    /// Writes every element; returns whether any was written.
    /// - Complexity: O(N²/64 + P) for P pairs (see ``SortedPairCursor``) plus O(bytes) copies,
    ///   split over two cores; memory O(2 × blockBytes + longest source's output).
    func render(_ cursor: SortedPairCursor, to out: ByteWriter) -> Bool {
        let sources = cursor.sources
        guard !sources.isEmpty else { return false }
        let n = max(1, start.count - 1)
        let averageName = max(1, names.count / n)
        let perSource = max(1, n * (indent.count + 2 * averageName + 6))
        let block = max(1, Self.blockBytes / perSource)
        var cursors = [cursor, cursor]
        var first = true
        var lo = 0
        while lo < sources.count {
            let ranges = (0..<2).map { i in
                min(sources.count, lo + i * block)..<min(sources.count, lo + (i + 1) * block)
            }
            let results = BlockSlots()
            let copies = cursors
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                var c = copies[i]
                results.set(i, renderBlock(sources[ranges[i]], &c), cursor: c)
            }
            for i in 0..<2 {
                if let c = results.cursor(i) { cursors[i] = c }
                guard let bytes = results.get(i), !bytes.isEmpty else { continue }
                bytes.withUnsafeBytes { raw in
                    // The array's first element starts with "\n", not ",\n".
                    out.write(bytes: first ? UnsafeRawBufferPointer(rebasing: raw[1...]) : raw)
                }
                first = false
            }
            lo += 2 * block
        }
        return !first
    }

    /// The elements of `sources`' pairs as bytes.
    /// - Complexity: O(pairs + bytes).
    func renderBlock(_ sources: ArraySlice<Int>, _ cursor: inout SortedPairCursor) -> [UInt8] {
        var lists: [(src: Int, list: [Int32], insertSelf: Int?)] = []
        var size = 0
        let fixed = 2 + indent.count + 1 + 2 + 1  // ,\n indent " -> "
        for src in sources {
            let (list, insertSelf) = cursor.destinations(of: src)
            let srcLen = start[src + 1] - start[src]
            var total = 0
            for d in list { total += start[Int(d) + 1] - start[Int(d)] }
            var count = list.count
            if insertSelf != nil { total += srcLen; count += 1 }
            size += count * (fixed + srcLen) + total
            lists.append((src, list, insertSelf))
        }
        // Every byte is written below: no zero-fill first.
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var written = 0
            names.withUnsafeBytes { nameBytes in
                guard let base = raw.baseAddress, let nameBase = nameBytes.baseAddress else { return }
                var p = base
                defer { written = p - base }
                var prefix: [UInt8] = []
                for (src, list, insertSelf) in lists {
                    prefix = [44, 10] + indent + [34] + names[start[src]..<start[src + 1]] + [45, 62]
                    prefix.withUnsafeBytes { pre in
                        guard let preBase = pre.baseAddress else { return }
                        let preLen = pre.count
                        func element(_ d: Int) {
                            p.copyMemory(from: preBase, byteCount: preLen)
                            p += preLen
                            let len = start[d + 1] - start[d]
                            p.copyMemory(from: nameBase + start[d], byteCount: len)
                            p += len
                            p.storeBytes(of: 34, as: UInt8.self)
                            p += 1
                        }
                        for (i, d) in list.enumerated() {
                            if i == insertSelf { element(src) }
                            element(Int(d))
                        }
                        if insertSelf == list.count { element(src) }
                    }
                }
            }
            initialized = written
        }
    }
}

/// Results of the two concurrent block renderers.
private final class BlockSlots: @unchecked Sendable {
    private let lock = NSLockLike()
    private var values: [[UInt8]?] = [nil, nil]
    private var cursors: [SortedPairCursor?] = [nil, nil]
    func set(_ i: Int, _ v: [UInt8], cursor: SortedPairCursor) { lock.locked { values[i] = v; cursors[i] = cursor } }
    func get(_ i: Int) -> [UInt8]? { lock.locked { values[i] } }
    func cursor(_ i: Int) -> SortedPairCursor? { lock.locked { cursors[i] } }
}

/// A minimal mutex over `pthread_mutex_t`-free Dispatch semaphores (no Foundation in this file).
private final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func locked<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
